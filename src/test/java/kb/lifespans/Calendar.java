package kb.lifespans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the calculator's {@code .ics} download: it fails on anything RFC 5545 forbids
 * that the calculator could get wrong (bare line feeds, lines over 75 octets, unbalanced
 * components, missing required properties) and returns the one event's properties, unfolded.
 */
record Calendar(Map<String, String> event, List<String> lines) {
    /** The event's properties by name (with their parameters, e.g. {@code DTSTART;VALUE=DATE}). */
    static Calendar parseDataUrl(String href) {
        String prefix = "data:text/calendar;charset=utf-8,";
        assertTrue(href.startsWith(prefix), "a calendar data URL: " + href.substring(0, Math.min(60, href.length())));
        return parse(URLDecoder.decode(href.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    static Calendar parse(String ics) {
        assertTrue(ics.endsWith("\r\n"), "every content line ends in CRLF");
        String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
        for (String line : physical) {
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "no bare line break: " + line);
            int octets = line.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, "line longer than 75 octets (" + octets + "): " + line);
        }
        List<String> lines = new ArrayList<>();
        for (String line : physical) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        List<String> stack = new ArrayList<>();
        Map<String, String> event = new LinkedHashMap<>();
        int events = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            assertTrue(colon > 0, "a content line is name:value: " + line);
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN")) {
                stack.add(value);
                events += value.equals("VEVENT") ? 1 : 0;
            } else if (name.equals("END")) {
                assertEquals(stack.remove(stack.size() - 1), value, "components nest");
            } else if (stack.equals(List.of("VCALENDAR", "VEVENT"))) {
                event.put(name, value);
            }
        }
        assertTrue(stack.isEmpty(), "every BEGIN has its END");
        assertEquals(1, events, "one event");
        assertTrue(lines.contains("VERSION:2.0"), "VERSION:2.0");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PRODID:")), "PRODID");
        for (String required : List.of("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY")) {
            assertTrue(event.containsKey(required), "the event has " + required + ": " + event.keySet());
        }
        assertTrue(event.get("DTSTAMP").matches("\\d{8}T\\d{6}Z"), "DTSTAMP in UTC: " + event.get("DTSTAMP"));
        return new Calendar(event, lines);
    }

    /** A TEXT value with its escapes undone. */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                assertTrue(c != ',' && c != ';', "a bare , or ; in a TEXT value must be escaped: " + value);
                out.append(c);
            }
        }
        return out.toString();
    }
}
