package org.eldercare.search.resolve;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eldercare.search.normalize.NameNormalizer;
import org.eldercare.search.normalize.NormalizedName;

/**
 * The keys under which a profile is filed and looked up, so a record is compared only with persons that share
 * at least one: an identity number (valid, mistyped, or a one-slip correction), a phone, the name's pinyin with
 * the birth year or the street, the surname's pinyin with the birth date, and the birth date with the street.
 * The last two find names with a slip in them (王建国 / 王健国, 王国建). In a streaming job these are the key of
 * the keyed state.
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
            for (LocalDate birth : p.birthDates()) {
                keys.add("nb:" + name.pinyin() + "|" + birth.getYear());
                keys.add("sb:" + surname + "|" + birth);
            }
            p.streetCodes().forEach(street -> keys.add("ns:" + name.pinyin() + "|" + street));
        }
        for (LocalDate birth : p.birthDates()) {
            p.streetCodes().forEach(street -> keys.add("bs:" + birth + "|" + street));
        }
        return keys;
    }
}
