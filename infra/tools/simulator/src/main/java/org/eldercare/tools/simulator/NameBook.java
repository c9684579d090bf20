package org.eldercare.tools.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Chinese names and community names for simulated people and places, from {@code simulator/names.txt}. */
final class NameBook {

    private static final String RESOURCE = "simulator/names.txt";

    private final List<String> surnames;
    private final List<String> female;
    private final List<String> male;
    private final List<String> communities;
    private final Map<Character, Character> homophones = new HashMap<>();

    NameBook() {
        Map<String, List<String>> lists = read();
        surnames = lists.get("surnames");
        female = lists.get("female");
        male = lists.get("male");
        communities = lists.get("communities");
        for (String pair : lists.get("homophones")) {
            homophones.put(pair.charAt(0), pair.charAt(1));
            homophones.put(pair.charAt(1), pair.charAt(0));
        }
    }

    String personName(SplittableRandom random, boolean isMale) {
        List<String> given = isMale ? male : female;
        return pick(random, surnames) + pick(random, given);
    }

    String community(SplittableRandom random) {
        return pick(random, communities);
    }

    List<String> communities() {
        return communities;
    }

    /** The name with one character swapped for one that sounds alike; unchanged if none can be. */
    String soundAlike(String name, SplittableRandom random) {
        int start = random.nextInt(name.length());
        for (int k = 0; k < name.length(); k++) {
            int i = (start + k) % name.length();
            Character other = homophones.get(name.charAt(i));
            if (other != null) {
                return name.substring(0, i) + other + name.substring(i + 1);
            }
        }
        return name;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Map<String, List<String>> read() {
        InputStream in = NameBook.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        }
        Map<String, List<String>> lists = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    lists.put(
                            line.substring(0, eq),
                            Arrays.asList(line.substring(eq + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }
}
