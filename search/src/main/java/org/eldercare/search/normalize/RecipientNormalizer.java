package org.eldercare.search.normalize;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;

/**
 * Turns a recipient as typed (a {@code service.delivered} record or a match query) into {@link NormalizedRecipient}
 * evidence. Raw identity and phone numbers go no further than this class.
 */
public final class RecipientNormalizer {

    private final Pii pii;
    private final Addresses addresses;

    public RecipientNormalizer(Pii pii, Addresses addresses) {
        this.pii = pii;
        this.addresses = addresses;
    }

    /** The keyed hashing this normaliser uses, for documents that digest what it normalised. */
    public Pii pii() {
        return pii;
    }

    public NormalizedRecipient normalize(Recipient r) {
        return normalize(r.name(), r.idNumber(), r.phone(), r.birthDate(), r.gender(), r.address(), r.location());
    }

    public NormalizedRecipient normalize(
            String name,
            String idNumber,
            String phone,
            LocalDate birthDate,
            String gender,
            String address,
            GeoPoint location) {
        Optional<IdNumber> id = IdNumbers.parse(idNumber);
        Optional<Phone> tel = Phones.parse(phone);
        Set<String> corrections = id.map(IdNumbers::oneSlipCorrections).orElse(Set.of()).stream()
                .map(pii::hashIdNumber)
                .collect(Collectors.toSet());
        LocalDate birth = birthDate != null
                ? birthDate
                : id.filter(IdNumber::valid).map(IdNumber::birthDate).orElse(null);
        String sex = Optional.ofNullable(gender(gender))
                .orElse(id.filter(IdNumber::valid).map(IdNumber::gender).orElse(null));
        Place place = addresses.place(address).orElse(null);
        // A road and door number name one dwelling only within a district: 康庄路12号 recurs across the city.
        String dwelling = place == null
                ? null
                : Addresses.dwelling(address)
                        .map(d -> pii.hashDwelling(place.districtCode() + "|" + d))
                        .orElse(null);
        return new NormalizedRecipient(
                NameNormalizer.normalize(name),
                id.map(n -> pii.hashIdNumber(n.value())).orElse(null),
                id.map(IdNumber::valid).orElse(false),
                corrections,
                id.map(IdNumber::masked).orElse(null),
                tel.map(p -> pii.hashPhone(p.value())).orElse(null),
                tel.map(Phone::masked).orElse(null),
                birth,
                pii.birthDigests(birth),
                sex,
                place,
                location,
                dwelling,
                birth == null ? null : birth.getYear());
    }

    /** "M" or "F" from M/F, male/female or 男/女; null for anything else. */
    static String gender(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (Widths.toHalfWidth(raw).strip().toUpperCase(Locale.ROOT)) {
            case "M", "MALE", "男" -> "M";
            case "F", "FEMALE", "女" -> "F";
            default -> null;
        };
    }
}
