package io.kopij.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.shared.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 7396's own examples (Appendix A), and the rule that a patch must be an object. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'a':'b'}                 | {'a':'c'}            | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}            | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}           | {}",
        "{'a':'b','b':'c'}         | {'a':null}           | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}            | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}          | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}            | {'a':[1]}",
        "{'e':null}                | {'a':1}              | {'e':null,'a':1}",
        "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
    })
    void appliesTheRfcExamples(String target, String patch, String expected) throws Exception {
        assertEquals(json(expected), MergePatch.apply(json(target), json(patch)));
    }

    @Test
    void aPatchThatIsNotAnObjectIsRefused() throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> MergePatch.apply(json("{'a':'b'}"), json("['c']")));
        assertEquals("request.malformed-json", refused.code());
        assertThrows(InvalidInputException.class, () -> MergePatch.apply(json("{'a':'b'}"), json("null")));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.trim().replace('\'', '"'));
    }
}
