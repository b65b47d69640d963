package dev.vpnd.bench;

import java.util.Map;
import java.util.function.Supplier;

/** One kind of call: its action and a fresh set of API parameters per request. */
record Scenario(String name, String action, Supplier<Map<String, String>> params) {
}
