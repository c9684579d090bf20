package org.eldercare.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.validation.EventReader;
import org.junit.jupiter.api.Test;

class CsvEventImportTest {

    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC);
    private static final String FACILITY_HEADER =
            "id,source,type,time,facilityId,kind,name,districtCode,streetCode,location.lat,location.lon,beds,mealSeats";
    private static final String BED_HEADER = "id,source,type,time,facilityId,count";

    private final CsvEventImport importer = new CsvEventImport(new EventReader(Regions.load(), NOV_22));

    @Test
    void importsTheDocumentedExampleFile() throws Exception {
        CsvImportResult result;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/meal-table-import.csv")) {
            result = importer.read(in);
        }

        assertThat(result.invalidRows()).isEmpty();
        assertThat(result.validEvents())
                .extracting(e -> e.type())
                .containsExactly(
                        EventType.FACILITY_REGISTERED,
                        EventType.CAREGIVER_HIRED,
                        EventType.MEAL_SERVED,
                        EventType.MEAL_SERVED,
                        EventType.MEAL_SERVED,
                        EventType.SERVICE_DELIVERED);
        ServiceDelivered service = result.validEvents().get(5).dataAs(ServiceDelivered.class);
        assertThat(((Recipient) service.recipient()).address()).contains("301室, 送餐到家");
    }

    @Test
    void readsNumbersOfARegistrationRow() throws Exception {
        CsvImportResult result = importer.read(csv(FACILITY_HEADER, registration("e-1", "40")));

        FacilityDetails details = result.validEvents().get(0).dataAs(FacilityDetails.class);
        assertThat(details.beds()).isEqualTo(40);
        assertThat(details.location().lat()).isEqualTo(39.9371);
    }

    @Test
    void namesLineAndColumnOfANumberThatIsNotOne() throws Exception {
        CsvImportResult result =
                importer.read(csv(FACILITY_HEADER, registration("e-1", "40"), registration("e-2", "forty")));

        CsvRowOutcome.Invalid bad = result.invalidRows().get(0);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.id()).isEqualTo("e-2");
        assertThat(bad.errors()).containsExactly("line 3, column beds: must be an integer");
    }

    @Test
    void reportsValidatorRulesAgainstTheirColumn() throws Exception {
        CsvImportResult result = importer.read(csv(FACILITY_HEADER, registration("e-1", "6000")));

        assertThat(result.invalidRows().get(0).errors())
                .containsExactly("line 2, column beds: must be between 0 and 5000");
    }

    @Test
    void treatsAnEmptyCellAsAnAbsentField() throws Exception {
        CsvImportResult result = importer.read(csv(BED_HEADER, bedOccupied("e-1", "")));

        assertThat(result.validEvents().get(0).dataAs(BedsChanged.class).count())
                .isEqualTo(1);
    }

    @Test
    void keepsCommasQuotesAndLineBreaksInsideQuotedFields() throws Exception {
        String quoted = "e-1,/operators/op-1,facility.registered,2026-11-20T08:00:00+08:00,mtg-1,MEAL_TABLE,"
                + "\"大峪\"\"新桥\"\", 老年餐桌\n二层\",110109,110109001,39.9371,116.1035,0,40";
        CsvImportResult result = importer.read(csv(FACILITY_HEADER, quoted, registration("e-2", "x")));

        assertThat(result.validEvents().get(0).dataAs(FacilityDetails.class).name())
                .isEqualTo("大峪\"新桥\", 老年餐桌\n二层");
        assertThat(result.invalidRows().get(0).line()).isEqualTo(4);
    }

    @Test
    void skipsAByteOrderMarkAndAcceptsCrlf() throws Exception {
        byte[] body =
                ("\uFEFF" + BED_HEADER + "\r\n" + bedOccupied("e-1", "2") + "\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(importer.read(body).validEvents()).hasSize(1);
    }

    @Test
    void refusesAFileWithAnUnknownColumn() {
        assertThatThrownBy(() -> importer.read(csv("id,source,type,time,bedz", "e-1,/operators/op-1,bed.occupied,x,1")))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith("line 1, column bedz: must be one of");
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThatThrownBy(() -> importer.read(csv(BED_HEADER, "e-1,\"/operators/op-1,bed.occupied")))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 2: quoted field is not closed");
    }

    @Test
    void refusesMoreRowsThanTheLimitAsOverLimit() {
        CsvEventImport small = new CsvEventImport(new EventReader(Regions.load(), NOV_22), new CsvLimits(1, 1_000));

        assertThatThrownBy(() -> small.read(csv(BED_HEADER, bedOccupied("e-1", "1"), bedOccupied("e-2", "1"))))
                .isInstanceOf(CsvImportException.class)
                .satisfies(e -> assertThat(((CsvImportException) e).overLimit()).isTrue());
    }

    @Test
    void refusesAMillionDigitNumberCellNamingItsLineAndColumnBeforeConvertingIt() {
        String huge = "1".repeat(1_000_000);
        String row = "e-1,/operators/op-1,facility.registered,2026-11-20T08:00:00+08:00,mtg-1,MEAL_TABLE,新桥老年餐桌,"
                + "110109,110109001," + huge + ",116.1035,40,40";

        assertThatThrownBy(() -> importer.read(csv(FACILITY_HEADER, registration("e-0", "40"), row)))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 3, column location.lat: must be at most 512 characters")
                .satisfies(e -> assertThat(((CsvImportException) e).overLimit()).isTrue());
    }

    @Test
    void refusesAQuotedCellOverTheCellCapAsOverLimit() {
        String row = "e-1,\"" + "x".repeat(CsvLimits.CELL_CHARS + 1) + "\",bed.occupied,2026-11-20T08:00:00+08:00,f,1";

        assertThatThrownBy(() -> importer.read(csv(BED_HEADER, row)))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 2, column source: must be at most 512 characters");
    }

    @Test
    void rejectsTheRowOfANumberCellLongerThanThirtyTwoCharacters() throws Exception {
        String row = "e-1,/operators/op-1,facility.registered,2026-11-20T08:00:00+08:00,mtg-1,MEAL_TABLE,新桥老年餐桌,"
                + "110109,110109001,39." + "9".repeat(40) + ",116.1035,40,40";

        CsvImportResult result = importer.read(csv(FACILITY_HEADER, row));

        assertThat(result.invalidRows().get(0).errors())
                .containsExactly("line 2, column location.lat: must be a number of at most 32 characters");
    }

    @Test
    void acceptsAnAddressOfFiveHundredCharactersUnderTheCellCap() throws Exception {
        String header = "id,source,type,time,facilityId,recordId,serviceType,startedAt,durationMinutes,recipient.name,"
                + "recipient.address";
        String row = "s-1,/operators/op-1,service.delivered,2026-11-20T08:00:00+08:00,mtg-cc-001,r-1,MEAL,"
                + "2026-11-20T08:00:00+08:00,30,张伟," + "址".repeat(500);

        assertThat(importer.read(csv(header, row)).invalidRows()).isEmpty();
    }

    @Test
    void stopsAtTheFirstDataRowOverTheRowLimitNamingItsLine() {
        CsvEventImport small = new CsvEventImport(new EventReader(Regions.load(), NOV_22), new CsvLimits(2, 1_000_000));
        String[] rows = new String[5];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = bedOccupied("e-" + i, "1");
        }
        rows[4] = "e-4,\"never closed";

        assertThatThrownBy(() -> small.read(csv(BED_HEADER, rows)))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 4: file must have at most 2 data rows");
    }

    @Test
    void refusesARowWithMoreFieldsThanTheCap() {
        String row = ",".repeat(CsvLimits.FIELDS);

        assertThatThrownBy(() -> importer.read(csv(BED_HEADER, row)))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 2: must have at most 64 fields")
                .satisfies(e -> assertThat(((CsvImportException) e).overLimit()).isTrue());
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = (BED_HEADER + "\ne-1,/operators/op-1,bed.occupied,2026-11-20T08:00:00+08:00,caf\u00e9,1")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> importer.read(latin1)).hasMessage("file: must be UTF-8 text");
    }

    @Test
    void reportsARowWithTooFewFields() throws Exception {
        CsvImportResult result = importer.read(csv(BED_HEADER, "e-1,/operators/op-1,bed.occupied"));

        assertThat(result.invalidRows().get(0).errors())
                .containsExactly("line 2: must have 6 fields like the header, has 3");
    }

    private static String registration(String id, String beds) {
        return id + ",/operators/op-1,facility.registered,2026-11-20T08:00:00+08:00,mtg-1,MEAL_TABLE,新桥老年餐桌,"
                + "110109,110109001,39.9371,116.1035," + beds + ",40";
    }

    private static String bedOccupied(String id, String count) {
        return id + ",/operators/op-1,bed.occupied,2026-11-20T08:00:00+08:00,mtg-cc-001," + count;
    }

    private static byte[] csv(String header, String... rows) {
        return (header + "\n" + String.join("\n", List.of(rows)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
