package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Openfield parsing of {@code spec/pow.md §4.3}, including its documented consequences. */
class RegistrationPayloadTest {

    private static final String SENDER = "dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4";
    private static final String OTHER = "bb5872311120b589cc801e872b3795b2cdc25535d867c63500095a56";
    private static final String POS = "BLvTAjom84jjYw96q6wHZnjCxfBca9ihtd";

    private static InvalidReason rejection(String openfield) {
        return assertThrows(InvalidRowException.class, () -> RegistrationPayload.parse(openfield, SENDER)).reason();
    }

    @Test
    void coreOnlyDefaultsTheRewardToTheSender() throws InvalidRowException {
        assertEquals(new RegistrationPayload("198.51.100.1", "6969", POS, SENDER),
                RegistrationPayload.parse("198.51.100.1:6969:" + POS, SENDER));
    }

    @Test
    void optionsSetTheRewardAndCheckTheSource() throws InvalidRowException {
        assertEquals(new RegistrationPayload("198.51.100.1", "6969", POS, OTHER),
                RegistrationPayload.parse("198.51.100.1:6969:" + POS + ",source=" + SENDER + ",reward=" + OTHER, SENDER));
        assertEquals(new RegistrationPayload("1.2.3.4", "6969", POS, ""),
                RegistrationPayload.parse("1.2.3.4:6969:" + POS + ",reward=", SENDER));
        assertEquals(new RegistrationPayload("1.2.3.4", "6969", POS, SENDER),
                RegistrationPayload.parse("1.2.3.4:6969:" + POS + ",source=", SENDER));
        assertEquals(new RegistrationPayload("1.2.3.4", "6969", POS, OTHER),
                RegistrationPayload.parse("1.2.3.4:6969:" + POS + ",reward=x,reward=" + OTHER + ",reason=any", SENDER));
        assertEquals(InvalidReason.BAD_SOURCE, rejection("1.2.3.4:6969:" + POS + ",source=" + OTHER));
    }

    @Test
    void nothingIsTrimmedOrConverted() throws InvalidRowException {
        assertEquals(new RegistrationPayload(" 1.2.3.4", "69x9", POS + " ", SENDER),
                RegistrationPayload.parse(" 1.2.3.4:69x9:" + POS + " ", SENDER));
        assertEquals(InvalidReason.BAD_SOURCE, rejection("1.2.3.4:6969:" + POS + ",source= " + SENDER));
    }

    @Test
    void malformedShapesAreParseErrors() {
        assertEquals(InvalidReason.PARSE_ERROR, rejection("198.51.100.21:6969"));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("1:2:3:4"));
        assertEquals(InvalidReason.PARSE_ERROR, rejection(""));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("1.2.3.4:6969:" + POS + ",source"));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("1.2.3.4:6969:" + POS + ",a=b=c"));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("1.2.3.4:6969:" + POS + ","));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("1.2.3.4:6969:" + POS + ",reason=weight 0, dropped"));
        assertEquals(InvalidReason.PARSE_ERROR, rejection("::1:6969:" + POS));
    }
}
