package kb.content;

import kb.diagnostic.SourceLocation;

/** A value with the place it was written, kept until a later check can blame that place. */
public record Located<T>(T value, SourceLocation at) { }
