package kb.pipeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link Fingerprint} of everything a page template is given: two models with the same digest render the
 * same page with the same theme, so the build cache may reuse the page instead of rendering it.
 * Walks maps (in their iteration order, which a template sees), lists, records and plain
 * values, each tagged with its type and length, so different models never write the same bytes.
 * Anything else makes the page one the cache leaves alone ({@link #of} returns null).
 *
 * <p>{@code Map.of} and {@code Set.of} are the exception: their iteration order is salted anew in
 * every JVM, so their entries are digested in a fixed order (one page built twice in one process
 * would otherwise match, and never across the processes a cache serves). A page that listed such
 * a map's entries in order could not be reproducible in the first place.
 */
final class ModelDigest {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] out = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                out[i] = components[i].getAccessor();
                out[i].setAccessible(true);
            }
            return out;
        }
    };

    private final MessageDigest digest;
    /**
     * Tags, counts and short strings are gathered here and given to the digest a few KB at a
     * time: a page's model is thousands of small values, and each call into MessageDigest costs
     * more than the bytes it adds.
     */
    private final byte[] buffer = new byte[4096];
    private int filled;

    private ModelDigest() {
        digest = new Fingerprint();
    }

    /** The digest of a template's name and its model, or null when the model holds a value of a type not walked here. */
    static byte[] of(String template, Map<String, Object> model) {
        ModelDigest d = new ModelDigest();
        try {
            d.text(template);
            d.value(model);
        } catch (Unknown e) {
            return null;
        }
        return d.finish();
    }

    private void value(Object v) {
        if (v == null) {
            tag('0');
        } else if (v instanceof String s) {
            tag('s');
            text(s);
        } else if (v instanceof Boolean b) {
            tag(b ? 't' : 'f');
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof Double || v instanceof Float || v instanceof Character || v instanceof Enum<?>
                || v instanceof java.time.LocalDate) {
            // Their toString is their whole value; the class tells 1 from 1L from "1".
            tag('v');
            text(v.getClass().getName());
            text(v.toString());
        } else if (v instanceof Map<?, ?> m && salted(m)) {
            tag('M');
            unordered(m.entrySet().stream().map(e -> java.util.Arrays.asList(e.getKey(), e.getValue())).toList());
        } else if (v instanceof Map<?, ?> m) {
            tag('m');
            count(m.size());
            m.forEach((k, x) -> {
                value(k);
                value(x);
            });
        } else if (v instanceof java.util.Set<?> set && salted(set)) {
            tag('S');
            unordered(List.copyOf(set));
        } else if (v instanceof Collection<?> c) {
            tag('l');
            count(c.size());
            c.forEach(this::value);
        } else if (v instanceof Record r) {
            tag('r');
            text(r.getClass().getName());
            for (Method accessor : ACCESSORS.get(r.getClass())) {
                try {
                    value(accessor.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unknown();
                }
            }
        } else {
            throw new Unknown();
        }
    }

    /** Whether {@code v} is one of the JDK's immutable collections, whose order changes from one JVM to the next. */
    private static boolean salted(Object v) {
        return v.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    /** Each element digested on its own, the digests in byte order: the same elements give the same bytes in any order. */
    private void unordered(List<?> elements) {
        List<byte[]> digests = new java.util.ArrayList<>();
        for (Object e : elements) {
            ModelDigest one = new ModelDigest();
            one.value(e);
            digests.add(one.finish());
        }
        digests.sort(java.util.Arrays::compare);
        count(digests.size());
        flush();
        digests.forEach(digest::update);
    }

    private void tag(char c) {
        room(1);
        buffer[filled++] = (byte) c;
    }

    private void count(int n) {
        room(4);
        buffer[filled++] = (byte) (n >>> 24);
        buffer[filled++] = (byte) (n >>> 16);
        buffer[filled++] = (byte) (n >>> 8);
        buffer[filled++] = (byte) n;
    }

    private void text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        count(bytes.length);
        if (bytes.length > buffer.length / 4) {
            flush();
            digest.update(bytes);
        } else {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, filled, bytes.length);
            filled += bytes.length;
        }
    }

    /** Makes room for {@code n} more bytes in the buffer (n at most its length). */
    private void room(int n) {
        if (filled + n > buffer.length) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, filled);
        filled = 0;
    }

    private byte[] finish() {
        flush();
        return digest.digest();
    }

    /** A value the digest cannot vouch for. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }
}
