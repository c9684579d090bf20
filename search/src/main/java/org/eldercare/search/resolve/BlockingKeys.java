package org.eldercare.search.resolve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eldercare.search.normalize.NameNormalizer;
import org.eldercare.search.normalize.NormalizedName;

/**
 * The keys under which a profile is filed and looked up, so a record is compared only with persons that share
 * at least one: an identity number (valid, mistyped, or a one-slip correction), a phone, the name's pinyin with
 * the birth year, the street or the dwelling's digest, the surname's pinyin with the birth date, and the birth date
 * with the street. The last two find names with a slip in them (王建国 / 王健国, 王国建); the dwelling finds a
 * record that gives only a name and an address without its street (大兴区康庄路171号院2号楼). In a streaming job these are the key of
 * the keyed state, so a birth date enters them only as its keyed whole-date digest ({@code d:}), never in clear
 * (docs/CONTRACT.md §6.7).
 */
public final class BlockingKeys {

    private BlockingKeys() {}

    public static Set<String> of(RecipientProfile p) {
        Set<String> keys = new LinkedHashSet<>();
        p.idHashes().forEach(h -> keys.add("id:" + h));
        p.weakIdHashes().forEach(h -> keys.add("id:" + h));
        p.idCorrectionHashes().forEach(h -> keys.add("id:" + h));
        p.phoneHashes().forEach(h -> keys.add("ph:" + h));
        for (String text : p.names()) {
            NormalizedName name = NameNormalizer.ofCleanText(text);
            String surname = NameNormalizer.ofCleanText(name.surname()).pinyin();
            for (Integer year : p.birthYears()) {
                keys.add("nb:" + name.pinyin() + "|" + year);
            }
            for (String date : wholeDateDigests(p)) {
                keys.add("sb:" + surname + "|" + date);
            }
            p.streetCodes().forEach(street -> keys.add("ns:" + name.pinyin() + "|" + street));
            p.dwellingHashes().forEach(dwelling -> keys.add("nd:" + name.pinyin() + "|" + dwelling));
        }
        for (String date : wholeDateDigests(p)) {
            p.streetCodes().forEach(street -> keys.add("bs:" + date + "|" + street));
        }
        return keys;
    }

    /** The whole-date digests of the profile's birth dates, with their {@code d:} prefix. */
    private static List<String> wholeDateDigests(RecipientProfile p) {
        return p.birthDigests().stream()
                .filter(d -> d.startsWith("d:"))
                .sorted()
                .toList();
    }
}
