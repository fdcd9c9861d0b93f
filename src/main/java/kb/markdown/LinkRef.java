package kb.markdown;

import kb.diagnostic.SourceLocation;

/** A link as the writer wrote it, and where: the link check resolves and blames it later. */
public record LinkRef(String href, SourceLocation at) { }
