package io.complaintdesk.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Simplified Chinese locales of the four Camunda web apps are complete: for each app the
 * project's {@code locales/zh.json} has exactly the keys of Camunda 7.24's {@code en.json} (read
 * from the webjar on the classpath), nested objects and arrays flattened to paths such as
 * {@code labels.CLAIM_TASK} or {@code dateLocales.months[0]}; no Chinese value is empty where the
 * English one is not, the {@code {{placeholders}}} and HTML tags are the same, and no English text
 * was left untranslated. The project's {@code scripts/config.js} offers {@code zh} and {@code en}.
 * <p>
 * The project's files are the ones Spring Boot serves: they come first on the classpath, before
 * the webjar's files of the same path.
 */
class LocaleCompletenessTests {

	private static final String APP = "META-INF/resources/webjars/camunda/app/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*\\}\\}");

	/** HTML in the labels (links, line breaks, emphasis); not "<null>" or "<Operation>", which are text. */
	private static final Pattern TAG = Pattern.compile("</?(?:a|br|strong|b|i|em|span|code|p|ul|li)\\b[^>]*>");

	/** Values that read the same in Chinese: names, formats, symbols. */
	private static final Set<String> SAME_IN_CHINESE = Set.of("Camunda", "Optimize", "CSV", "JSON", "ID", "ID*", "null",
			"<null>", "<undefined>", "requestPayload", "L", "HH:mm", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseLocaleHasEveryKeyOfTheEnglishOneAndNoOther(String app) throws IOException {
		Map<String, JsonNode> en = flatten(read(webjarResource(app, "locales/en.json")));
		Map<String, JsonNode> zh = flatten(read(projectResource(app, "locales/zh.json")));

		List<String> missing = en.keySet().stream().filter((key) -> !zh.containsKey(key)).toList();
		List<String> unknown = zh.keySet().stream().filter((key) -> !en.containsKey(key)).toList();
		assertThat(missing).as("%s: keys of en.json missing in zh.json", app).isEmpty();
		assertThat(unknown).as("%s: keys of zh.json that en.json does not have", app).isEmpty();
		assertThat(new ArrayList<>(zh.keySet())).as("%s: zh.json in the key order of en.json", app)
			.containsExactlyElementsOf(en.keySet());
		assertThat(en).as("%s: en.json read from the webjar", app).hasSizeGreaterThan(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseValuesAreTranslationsWithTheSamePlaceholders(String app) throws IOException {
		Map<String, JsonNode> en = flatten(read(webjarResource(app, "locales/en.json")));
		Map<String, JsonNode> zh = flatten(read(projectResource(app, "locales/zh.json")));

		List<String> problems = new ArrayList<>();
		en.forEach((key, english) -> {
			JsonNode chinese = zh.get(key);
			if (chinese == null) {
				return; // reported by the key test
			}
			if (english.isTextual() != chinese.isTextual() || english.isNumber() != chinese.isNumber()) {
				problems.add(key + ": " + chinese.getNodeType() + " instead of " + english.getNodeType());
				return;
			}
			if (!english.isTextual()) {
				if (!english.equals(chinese)) {
					problems.add(key + ": " + chinese + " instead of " + english);
				}
				return;
			}
			String source = english.asText();
			String text = chinese.asText();
			if (text.isBlank() && !source.isBlank() && !pluralSuffix(key, source)) {
				problems.add(key + ": empty");
			}
			if (!all(PLACEHOLDER, source).equals(all(PLACEHOLDER, text))) {
				problems.add(key + ": placeholders " + all(PLACEHOLDER, text) + " instead of " + all(PLACEHOLDER, source));
			}
			if (!all(TAG, source).equals(all(TAG, text))) {
				problems.add(key + ": HTML " + all(TAG, text) + " instead of " + all(TAG, source));
			}
			if (text.equals(source) && source.matches("(?s).*[A-Za-z].*") && !SAME_IN_CHINESE.contains(source)) {
				problems.add(key + ": not translated: " + source);
			}
		});
		assertThat(problems).as("%s: zh.json values", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void configOffersChineseFirstAndEnglish(String app) throws IOException {
		String config = text(projectResource(app, "scripts/config.js"));
		String code = config.replaceAll("(?m)^\\s*//.*$", "");
		assertThat(code).as("%s: scripts/config.js", app)
			.containsPattern("locales\\s*:\\s*\\{\\s*availableLocales\\s*:\\s*\\[\\s*'zh'\\s*,\\s*'en'\\s*\\]\\s*,"
					+ "\\s*fallbackLocale\\s*:\\s*'zh'\\s*\\}");
	}

	/**
	 * Cockpit's {@code labels.PLGN_…_S} are the English plural "s" appended to a noun; Chinese has
	 * none, so they are empty in zh.json (as are the keys whose English value is empty).
	 */
	private static boolean pluralSuffix(String key, String english) {
		return key.endsWith("_S") && english.equals("s");
	}

	// --- resources ----------------------------------------------------------------------------------

	/** The webjar's file (Camunda's own, e.g. en.json). */
	private static URL webjarResource(String app, String path) throws IOException {
		List<URL> found = Collections.list(LocaleCompletenessTests.class.getClassLoader().getResources(APP + app + "/" + path));
		return found.stream()
			.filter((url) -> url.getProtocol().equals("jar") && url.getPath().contains("camunda-webapp-webjar"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + path + " of " + app + " in the Camunda webapp webjar: " + found));
	}

	/** The project's file, which must be the first of its path on the classpath (the one served). */
	private static URL projectResource(String app, String path) throws IOException {
		List<URL> found = Collections.list(LocaleCompletenessTests.class.getClassLoader().getResources(APP + app + "/" + path));
		assertThat(found).as("%s/%s on the classpath", app, path).isNotEmpty();
		assertThat(found.get(0).getProtocol()).as("%s/%s served from the project, not a jar: %s", app, path, found)
			.isEqualTo("file");
		return found.get(0);
	}

	private static String text(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.startsWith("\uFEFF") ? text.substring(1) : text; // Camunda's en.json starts with a BOM
		}
	}

	private JsonNode read(URL url) throws IOException {
		return this.json.readTree(text(url));
	}

	/** Leaf values by path: {@code labels.KEY}, {@code dateLocales.months[0]}, in document order. */
	private static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> leaves = new LinkedHashMap<>();
		flatten("", root, leaves);
		return leaves;
	}

	private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			node.fields()
				.forEachRemaining((field) -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
						field.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node);
		}
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		Collections.sort(found);
		return found;
	}

}
