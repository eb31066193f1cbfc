package org.streamfront.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.streamfront.cli.CliTest;

/** A plan says exactly one thing: no value of another JSON type is coerced, no key counts twice, and nothing crashes validate. */
class StrictPlanTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name": false, "origin": {"domain": "ams.example.com"}}                  | name                 | expected text here
            {"name": 12345, "origin": {"domain": "ams.example.com"}}                  | name                 | expected text here
            {"origin": {"domain": 0}}                                                 | origin.domain        | expected text here
            {"origin": {"domain": "ams.example.com", "httpPort": "5080"}}             | origin.httpPort      | expected a whole number here
            {"origin": {"domain": "ams.example.com", "httpPort": 5080.5}}             | origin.httpPort      | expected a whole number here
            {"origin": {"domain": "ams.example.com", "httpPort": ""}}                 | origin.httpPort      | expected a whole number here
            {"origin": {"domain": "ams.example.com"}, "stream": {"id": 12345}}        | stream.id            | expected text here
            {"schemaVersion": "\\u0000", "origin": {"domain": "ams.example.com"}}     | schemaVersion        | expected a whole number here
            {"schemaVersion": "1", "origin": {"domain": "ams.example.com"}}           | schemaVersion        | expected a whole number here
            {"schemaVersion": 2, "origin": {"domain": "ams.example.com"}}             | schemaVersion        | version 1
            {"origin": {"domain": "ams.example.com", "httpPort": true}}               | origin.httpPort      | expected a whole number here
            {"origin": {"domain": "ams.example.com"}, "cache": {"corsHeaders": "yes"}} | cache.corsHeaders   | expected true or false here
            """)
    void aValueOfTheWrongTypeOrVersionIsOneLineAndExit2(String json, String path, String message) throws Exception {
        CliTest run = CliTest.run("validate", CliTest.write(dir, "plan.json", json).toString());
        assertThat(run.exit).as(run.out + run.err).isEqualTo(2);
        assertThat(run.out.lines().toList()).as(run.out).singleElement().asString().startsWith(path + ": ").contains(message);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKeyAndLine() throws Exception {
        String json = """
                {
                  "origin": {"domain": "first.example.com"},
                  "name": "Sunday",
                  "origin": {"domain": "second.example.com"}
                }
                """;
        CliTest run = CliTest.run("validate", CliTest.write(dir, "plan.json", json).toString());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out.strip()).isEqualTo("origin: \"origin\" is given twice (the second time on line 4); keep one, so the plan says one thing");
        CliTest nested = CliTest.run("validate", CliTest.write(dir, "nested.json",
                "{\"origin\": {\"domain\": \"a.example.com\",\n \"httpPort\": 5080, \"httpPort\": 80}}").toString());
        assertThat(nested.out).startsWith("origin.httpPort: \"httpPort\" is given twice (the second time on line 2)");
    }

    @Test
    void hundredsOfMutatedPlansAreValidOrRefusedNeverACrash() throws Exception {
        ObjectNode good = (ObjectNode) PlanJson.MAPPER.readTree(PlanJson.write(Plan.empty().withName("Sunday")
                .withOrigin(new Plan.Origin("ams.example.com", "LiveApp", "http-only", 5080, 5443))
                .withStream(new Plan.Stream("stream1"))));
        Random random = new Random(20261201);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            ObjectNode mutated = good.deepCopy();
            for (int m = 0; m <= random.nextInt(3); m++) {
                mutate(mutated, random);
            }
            String json = random.nextInt(10) == 0 ? truncate(mutated.toString(), random) : mutated.toPrettyString();
            CliTest run = CliTest.run("validate", CliTest.write(dir, "m" + i + ".json", json).toString());
            assertThat(run.exit).as(json + "\n" + run.out + run.err).isIn(0, 2);
            assertThat(run.out + run.err).as(json).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("error: ");
            if (run.exit == 2) {
                refused++;
                assertThat(run.out.lines()).as(json).allMatch(l -> l.matches("[$\\w.\\[\\]]+: .+"));
            }
        }
        assertThat(refused).as("most mutations break a rule").isGreaterThan(200);
    }

    /** One change somewhere in the tree: a value of another type, a key removed or renamed, a string too long or strange. */
    private static void mutate(ObjectNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        target.fieldNames().forEachRemaining(keys::add);
        if (keys.isEmpty()) {
            return;
        }
        String key = keys.get(random.nextInt(keys.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] values = {f.textNode(""), f.textNode("5080"), f.textNode("\u0000"), f.textNode("x".repeat(300)), f.numberNode(-1),
                f.numberNode(0), f.numberNode(70000), f.numberNode(1.5), f.booleanNode(true), f.nullNode(), f.arrayNode(), f.objectNode(),
                f.textNode("ams.example.com/x"), f.textNode("https://ams.example.com"), f.textNode("10.0.0.1"), f.numberNode(Long.MAX_VALUE)};
        switch (random.nextInt(4)) {
            case 0 -> target.remove(key);
            case 1 -> target.set(key + "x", target.remove(key));
            default -> target.set(key, values[random.nextInt(values.length)]);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode o) {
            into.add(o);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, into));
        }
        if (node instanceof ArrayNode a && a.isEmpty()) {
            return;
        }
    }

    private static String truncate(String json, Random random) {
        return json.substring(0, random.nextInt(json.length()));
    }
}
