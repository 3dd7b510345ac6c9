package io.complaintdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.complaintdesk.complaint.CallbackMode;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.complaint.Outcome;
import io.complaintdesk.complaint.StaffRating;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.CustomerType;
import io.complaintdesk.customer.blacklist.BlacklistStatus;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.report.ReportPeriod;

/**
 * The message bundles: {@code messages_zh.properties} (Chinese, what people read by default) has
 * exactly the keys of {@code messages.properties} (English), every Chinese text is Chinese, the
 * patterns are well-formed in both languages with the same arguments, and every key the sources
 * name is there. Then the language a request gets and how texts are rendered.
 */
class MessagesTests {

	/** Bean Validation templates: {@code {min}}, not MessageFormat's {@code {0}}. */
	static final List<String> TEMPLATE_PREFIXES = List.of("constraint.", "jakarta.", "io.complaintdesk.");

	/** The first part of every key of the bundles the sources name. */
	static final Set<String> PREFIXES = Set.of("refusal", "validation", "constraint", "api", "rest", "report",
			"tierReview", "blacklist", "penalty", "notification", "filter", "format", "type", "field", "enum", "level",
			"satisfaction", "http", "complaint", "customer", "problemDetail");

	static final Properties ENGLISH = load("messages.properties");

	static final Properties CHINESE = load("messages_zh.properties");

	@Test
	void shouldHaveTheSameKeysInBothLanguages() {
		Set<String> english = ENGLISH.stringPropertyNames();
		Set<String> chinese = CHINESE.stringPropertyNames();
		assertThat(difference(english, chinese)).as("keys without a Chinese text").isEmpty();
		assertThat(difference(chinese, english)).as("keys without an English text").isEmpty();
		assertThat(english).hasSizeGreaterThan(300);
	}

	@Test
	void shouldWriteEveryChineseTextInChinese() {
		// only a few texts are a pattern of arguments alone
		Set<String> symbolsOnly = Set.of("tierReview.reason.to");
		Map<String, String> notChinese = new TreeMap<>();
		for (String key : CHINESE.stringPropertyNames()) {
			String text = CHINESE.getProperty(key);
			if (!symbolsOnly.contains(key) && !hasChinese(text)) {
				notChinese.put(key, text);
			}
		}
		assertThat(notChinese).isEmpty();
	}

	@Test
	void shouldUseTheSameArgumentsInBothLanguages() {
		Map<String, String> different = new TreeMap<>();
		for (String key : ENGLISH.stringPropertyNames()) {
			Set<String> english = arguments(key, ENGLISH.getProperty(key));
			Set<String> chinese = arguments(key, CHINESE.getProperty(key));
			if (!english.equals(chinese)) {
				different.put(key, english + " ≠ " + chinese);
			}
		}
		assertThat(different).isEmpty();
	}

	@Test
	void shouldFormatEveryPatternWithAllItsArguments() {
		List<String> broken = new ArrayList<>();
		for (Properties bundle : List.of(ENGLISH, CHINESE)) {
			for (String key : bundle.stringPropertyNames()) {
				String text = bundle.getProperty(key);
				if (isTemplate(key)) {
					continue;
				}
				Set<String> arguments = arguments(key, text);
				if (arguments.isEmpty()) {
					// taken as it is: a doubled apostrophe would show doubled
					if (text.contains("''")) {
						broken.add(key + ": '' in a text without arguments: " + text);
					}
					continue;
				}
				Object[] values = IntStream.range(0, 10).mapToObj((i) -> "«" + i + "»").toArray();
				String formatted;
				try {
					formatted = new MessageFormat(text, Locale.ROOT).format(values);
				}
				catch (IllegalArgumentException ex) {
					broken.add(key + ": " + ex.getMessage());
					continue;
				}
				for (String argument : arguments) {
					if (!formatted.contains("«" + argument + "»")) {
						broken.add(key + ": {" + argument + "} lost (a single apostrophe quotes it): " + text);
					}
				}
				if (formatted.contains("{") || formatted.contains("}")) {
					broken.add(key + ": braces left over: " + formatted);
				}
				if (text.replace("''", "").contains("'")) {
					broken.add(key + ": a single apostrophe disappears, write '': " + text);
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void shouldHaveEveryKeyTheSourcesName() throws IOException {
		Pattern literal = Pattern.compile("\"((?:" + String.join("|", PREFIXES) + ")\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
		Pattern template = Pattern.compile("\"\\{((?:constraint|jakarta|io\\.complaintdesk)\\.[A-Za-z0-9.]+)\\}\"");
		Set<String> missing = new TreeSet<>();
		Set<String> named = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				for (Pattern pattern : List.of(literal, template)) {
					Matcher m = pattern.matcher(source);
					while (m.find()) {
						named.add(m.group(1));
						if (!ENGLISH.containsKey(m.group(1))) {
							missing.add(file.getFileName() + ": " + m.group(1));
						}
					}
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(named).as("the sources name their texts by key").hasSizeGreaterThan(120);
	}

	@Test
	void shouldLabelEveryValueOfTheEnumsPeopleRead() {
		List<Class<? extends Enum<?>>> labelled = List.of(Channel.class, Category.class, ComplainantType.class,
				Demand.class, Outcome.class, CaseStatus.class, CallbackMode.class, StaffRating.class, ClientTier.class,
				CustomerType.class, BlacklistStatus.class, PenaltyRule.class, ReportPeriod.Kind.class);
		List<String> unlabelled = new ArrayList<>();
		for (Class<? extends Enum<?>> type : labelled) {
			for (Enum<?> constant : type.getEnumConstants()) {
				String key = "enum." + type.getSimpleName() + "." + constant.name();
				if (!ENGLISH.containsKey(key)) {
					unlabelled.add(key);
				}
				// English: the value as the API spells it, so English texts stay machine-readable
				assertThat(ENGLISH.getProperty(key, constant.name())).isEqualTo(constant.name());
			}
		}
		assertThat(unlabelled).isEmpty();
		assertThat(Messages.chinese(Messages.label(Channel.REGULATOR))).isEqualTo("12315 消费者投诉热线");
		assertThat(Messages.chinese(Messages.label(ClientTier.PREFERRED))).isEqualTo("优选类客户");
	}

	@ParameterizedTest(name = "Accept-Language: {0} → {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", value = { "NONE | zh", "'' | zh", "zh-CN | zh",
			"zh-CN,zh;q=0.9,en;q=0.8 | zh", "en | en", "en-US,en;q=0.9 | en", "EN-gb | en", "de-DE | zh",
			"de-DE,en;q=0.5 | en", "en;q=0,zh | zh", "en;q=0.2,zh;q=0.8 | zh", "* | zh", "fr,*;q=0.1 | zh",
			";;;garbage=== | zh", "zh-TW | zh" })
	void shouldAnswerInChineseUnlessEnglishIsAskedFor(String acceptLanguage, String language) {
		assertThat(Messages.language(acceptLanguage).getLanguage()).isEqualTo(language);
	}

	@Test
	void shouldReadTheLangParameter() {
		assertThat(Messages.languageParameter("en")).isEqualTo(Messages.ENGLISH);
		assertThat(Messages.languageParameter("EN-us")).isEqualTo(Messages.ENGLISH);
		assertThat(Messages.languageParameter("zh")).isEqualTo(Messages.CHINESE);
		assertThat(Messages.languageParameter(null)).isEqualTo(Messages.CHINESE);
		assertThat(Messages.languageParameter("klingon")).isEqualTo(Messages.CHINESE);
	}

	@Test
	void shouldRenderNestedTextsEnumsListsAndNumbersInTheSameLanguage() {
		Text refusal = Refusal.of("refusal.tooLong", Text.field("verificationNote"), 4000).text();
		assertThat(Messages.chinese(refusal)).isEqualTo("“给客户的答复（说明理由）”不能超过 4000 个字符");
		assertThat(Messages.english(refusal)).isEqualTo("'verificationNote' is longer than 4000 characters");
		// a field without a label reads its name
		assertThat(Messages.chinese(Text.of("refusal.required", Text.field("noSuchField"))))
			.isEqualTo("请填写“noSuchField”");
		Text blacklist = Text.of("refusal.blacklist.proposal",
				List.of(Text.of("refusal.required", Text.field("customerId")),
						Text.of("refusal.required", Text.field("reason"))));
		assertThat(Messages.chinese(blacklist))
			.isEqualTo("无法记录列入客户黑名单的提议：请填写“客户编号”；请填写“列入客户黑名单的原因”");
		assertThat(Messages.english(blacklist))
			.isEqualTo("The blacklist proposal cannot be recorded: 'customerId' is required; 'reason' is required");
		assertThat(Messages.chinese(Text.of("api.penalty.duplicate", "CMP-1", PenaltyRule.RULE_BREACH, "x", 12345L)))
			.isEqualTo("投诉案件 CMP-1 的“违规处理”（x）已记入负激励台账，见第 12345 条");
		assertThat(Messages.bilingual(Text.of("notification.caseOverdue.subject", "CMP-1")))
			.isEqualTo("投诉案件 CMP-1 已逾期\n\nComplaint CMP-1 is overdue");
		assertThat(Messages.render(Text.written("中文", "English"), Locale.US)).isEqualTo("English");
		assertThat(Messages.render(Text.written("中文", "English"), Locale.GERMAN)).isEqualTo("中文");
	}

	@Test
	void shouldNeverLetTheServersLocaleDecide() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
			assertThat(Messages.english(Text.of("api.invalidJson"))).isEqualTo("The request body is not valid JSON");
			Locale.setDefault(Locale.US);
			assertThat(Messages.chinese(Text.of("api.invalidJson"))).isEqualTo("请求内容不是有效的 JSON");
			assertThat(Messages.render(Text.of("api.invalidJson"), Locale.FRENCH)).isEqualTo("请求内容不是有效的 JSON");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void shouldKeepTemplatesLiteralForBeanValidation() {
		Messages.in(Messages.CHINESE, () -> {
			assertThat(Messages.template(Text.of("validation.enumName", "A, B"))).isEqualTo("须为以下值之一：A, B");
			// nothing of the text is interpolated later: braces, dollar signs and backslashes are escaped
			assertThat(Messages.template(Text.written("${x} {y} \\", "-"))).isEqualTo("\\$\\{x\\} \\{y\\} \\\\");
			return null;
		});
	}

	private static boolean hasChinese(String text) {
		return text.codePoints()
			.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
					|| (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == '“' || c == '”');
	}

	private static boolean isTemplate(String key) {
		return TEMPLATE_PREFIXES.stream().anyMatch(key::startsWith);
	}

	/** {@code {0}}, {@code {1}} … of a pattern; {@code {min}} … of a Bean Validation template. */
	private static Set<String> arguments(String key, String text) {
		Pattern pattern = isTemplate(key) ? Pattern.compile("\\{([a-zA-Z]+)\\}") : Pattern.compile("\\{(\\d+)[},]");
		Set<String> arguments = new TreeSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			arguments.add(m.group(1));
		}
		return arguments;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
