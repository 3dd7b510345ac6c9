package io.complaintdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Tasklist forms speak the language of the people who work with them (issue 13, GLOSSARY):
 * every label, option, table column, help text and text element in {@code processes/forms/*.form}
 * reads Chinese first, labels and options are plain Chinese, and a field checked against a regular
 * expression explains the expected format in Chinese, so nobody has to read the expression. The
 * forms and models are read from the project's source folders, as process owners edit them.
 */
class FormsChineseTests {

	static final Path PROCESSES = Path.of("processes");

	static final Path FORMS = PROCESSES.resolve("forms");

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** Template tags and expressions of form-js text ({@code {{#if level = 1}}}, {@code {{caseNumber}}}). */
	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

	/** Template tags that print nothing themselves ({@code {{#if major}}}, {@code {{/if}}}). */
	private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{\\{[#/].*?}}", Pattern.DOTALL);

	/** A Markdown strong-emphasis delimiter run. */
	private static final Pattern BOLD = Pattern.compile("\\*{2,}");

	/** Markdown code spans and link targets: codes and addresses, not words. */
	private static final Pattern CODE_OR_LINK_TARGET = Pattern.compile("`[^`]*`|\\]\\([^)]*\\)|https?://\\S+");

	/** An English word in a label (a code such as VIP or CMP-20261122-0007 has no lower-case letter). */
	private static final Pattern ENGLISH_WORD = Pattern.compile("\\p{IsLatin}*\\p{Ll}\\p{IsLatin}*");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyTextOfEveryFormReadsChineseFirst() throws IOException {
		List<Text> texts = textsOfAllForms();
		assertThat(texts).as("texts found in %s", FORMS.toAbsolutePath()).hasSizeGreaterThan(100);

		List<String> problems = new ArrayList<>();
		for (Text text : texts) {
			chineseFirst(text.value()).ifPresent((problem) -> problems.add(text + ": " + problem));
			if (text.plainChinese()) {
				plainChinese(text.value()).ifPresent((problem) -> problems.add(text + ": " + problem));
			}
		}
		assertThat(problems).as("texts that do not read Chinese first").isEmpty();
	}

	/**
	 * Markdown (CommonMark) emphasis next to Chinese punctuation: {@code **审核退回：**请} is shown with its
	 * asterisks, because a closing {@code **} after punctuation must be followed by a space or
	 * punctuation; {@code **审核退回**：请} is bold.
	 */
	@Test
	void boldTextOfEveryFormRendersBold() throws IOException {
		List<String> problems = new ArrayList<>();
		long bold = 0;
		for (Text text : textsOfAllForms()) {
			if (text.where().endsWith(" text")) {
				List<String> found = unbalancedBold(text.value());
				bold += BOLD.matcher(text.value()).results().count();
				found.forEach((problem) -> problems.add(text + ": " + problem));
			}
		}
		assertThat(bold).as("** in the text elements").isPositive();
		assertThat(problems).as("bold markers that Markdown shows as asterisks").isEmpty();
	}

	@Test
	void everyFieldCheckedByAPatternExplainsTheFormatInChinese() throws IOException {
		List<String> patterned = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path form : forms()) {
			for (JsonNode component : components(read(form))) {
				JsonNode validate = component.path("validate");
				if (validate.path("pattern").asText("").isBlank() && validate.path("validationType").asText("").isBlank()) {
					continue;
				}
				String field = form.getFileName() + " " + component.path("id").asText() + " (key "
						+ component.path("key").asText() + ")";
				patterned.add(field);
				String description = component.path("description").asText("");
				if (description.isBlank()) {
					problems.add(field + ": no description of the expected format");
				}
				else if (!hasChinese(description)) {
					problems.add(field + ": description without Chinese: " + description);
				}
			}
		}
		assertThat(patterned).as("fields with a pattern in the forms").isNotEmpty();
		assertThat(problems).as("fields checked by a pattern that do not explain it").isEmpty();
	}

	@Test
	void everyFormReferenceOfTheModelsNamesAFormOfTheDesk() throws Exception {
		List<FormElement> elements = elementsWithForms();
		assertThat(elements).as("user tasks and start events with a form in %s", PROCESSES.toAbsolutePath())
			.isNotEmpty();
		List<String> missing = new ArrayList<>();
		for (FormElement element : elements) {
			if (element.formRef().isEmpty()) {
				missing.add(element + " → a formKey: the desk's forms are referenced by camunda:formRef");
				continue;
			}
			Path form = FORMS.resolve(element.formRef() + ".form");
			if (!Files.isRegularFile(form) || !element.formRef().equals(read(form).path("id").asText())) {
				missing.add(element + " → no form with id '" + element.formRef() + "' in " + FORMS);
			}
		}
		assertThat(missing).as("form references").isEmpty();
	}

	@Test
	void everyUserTaskAndStartEventWithAFormHasAChineseName() throws Exception {
		List<FormElement> elements = elementsWithForms();
		assertThat(elements).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (FormElement element : elements) {
			chineseFirst(element.name()).ifPresent((problem) -> problems.add(element + ": " + problem));
		}
		assertThat(problems).as("names of user tasks and start events with a form").isEmpty();
	}

	/** The rule itself: what passes and what fails, so that the tests above cannot pass by accident. */
	@ParameterizedTest
	@ValueSource(strings = { "投诉人姓名", "1", "¥", "4 不满意", "VIP 客户", "## 投诉案件 {{caseNumber}}",
			"{{#if level = 1}}一级（普通投诉）{{/if}}", "`C-0007=KEEP`：保持客户现有级别不变",
			"如 CMP-20261122-0007（8 位日期）", "{{#if x}}{{x}}{{/if}}" })
	void chineseFirstAccepts(String text) {
		assertThat(chineseFirst(text)).as(text).isEmpty();
		assertThat(plainChinese(text)).as(text).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Contact phone", "Customer name (投诉人)", "## Case {{caseNumber}}\n**一级**",
			"{{#if level = 1}}ordinary (普通投诉){{/if}}", "e.g. CMP-20261122-0007", "Level 2", "OK" })
	void chineseFirstRefuses(String text) {
		assertThat(chineseFirst(text)).as(text).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "投诉人 name", "联系电话 (phone)" })
	void plainChineseRefusesEnglishWordsInLabels(String text) {
		assertThat(chineseFirst(text)).as(text).isEmpty();
		assertThat(plainChinese(text)).as(text).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "**审核退回**：请补充", "受理时间 · 处理期限：**{{closeOn}}** 前结案", "额：**¥{{a}}.{{b}}**。只",
			"**{{#if level = 1}}一级（普通投诉）{{/if}}**{{#if major}} · **重大投诉**：{{/if}}", "作为**合格类客户**重新准入",
			"**评审期内出现问题：请审批。**" })
	void boldAccepts(String text) {
		assertThat(unbalancedBold(text)).as(text).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "**审核退回：**{{reviewComment}}", "**第 2 轮处理，二级：**客户不满意", "请** 审核**" })
	void boldRefuses(String text) {
		assertThat(unbalancedBold(text)).as(text).isNotEmpty();
	}

	// --- the rules -----------------------------------------------------------------------------

	/**
	 * Empty when the text reads Chinese first: its first word (template expressions, code spans and
	 * link targets left out) is Chinese, or a code such as VIP or CMP-20261122-0007 in a text that has
	 * Chinese; a text of numbers and symbols only (1, ¥) passes.
	 */
	static Optional<String> chineseFirst(String text) {
		String words = readable(text);
		int first = 0;
		while (first < words.length() && !Character.isLetter(words.codePointAt(first))) {
			first += Character.charCount(words.codePointAt(first));
		}
		if (first == words.length()) {
			return Optional.empty();
		}
		if (!hasChinese(words)) {
			return Optional.of("no Chinese");
		}
		if (isChinese(words.codePointAt(first))) {
			return Optional.empty();
		}
		String firstWord = words.substring(first).split("[\\s\\p{Ps}\\p{Pe}，。：；、]", 2)[0];
		if (firstWord.codePoints().noneMatch(Character::isLowerCase)) {
			return Optional.empty(); // a code or an abbreviation: VIP 客户, C-0007=KEEP
		}
		return Optional.of("starts in English ('" + firstWord + "')");
	}

	/** Empty when a label has no English words (codes such as VIP are no words). */
	static Optional<String> plainChinese(String text) {
		var word = ENGLISH_WORD.matcher(readable(text));
		return word.find() ? Optional.of("English word '" + word.group() + "' in a label") : Optional.empty();
	}

	/**
	 * The {@code **} runs of a text element (template tags left out, template output taken as a word)
	 * that cannot open or close emphasis where they stand (CommonMark's flanking rules), per line.
	 */
	static List<String> unbalancedBold(String text) {
		String rendered = TEMPLATE.matcher(TEMPLATE_TAG.matcher(text).replaceAll("")).replaceAll("X");
		List<String> problems = new ArrayList<>();
		for (String line : rendered.split("\n")) {
			var runs = BOLD.matcher(line);
			int count = 0;
			while (runs.find()) {
				int before = (runs.start() == 0) ? ' ' : line.codePointBefore(runs.start());
				int after = (runs.end() == line.length()) ? ' ' : line.codePointAt(runs.end());
				boolean opening = count++ % 2 == 0;
				boolean flanking = opening ? leftFlanking(before, after) : rightFlanking(before, after);
				if (!flanking) {
					problems.add("'" + line.substring(Math.max(0, runs.start() - 8), Math.min(line.length(), runs.end() + 8))
							+ "' cannot " + (opening ? "open" : "close") + " bold");
				}
			}
		}
		return problems;
	}

	private static boolean leftFlanking(int before, int after) {
		return !Character.isWhitespace(after)
				&& (!isPunctuation(after) || Character.isWhitespace(before) || isPunctuation(before));
	}

	private static boolean rightFlanking(int before, int after) {
		return !Character.isWhitespace(before)
				&& (!isPunctuation(before) || Character.isWhitespace(after) || isPunctuation(after));
	}

	/** CommonMark's Unicode punctuation: the P and S categories (：，。（）、¥ …). */
	private static boolean isPunctuation(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
				true;
			default -> false;
		};
	}

	private static String readable(String text) {
		return CODE_OR_LINK_TARGET.matcher(TEMPLATE.matcher(text).replaceAll(" ")).replaceAll(" ");
	}

	static boolean hasChinese(String text) {
		return text.codePoints().anyMatch(FormsChineseTests::isChinese);
	}

	private static boolean isChinese(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	// --- the forms -------------------------------------------------------------------------------

	/** One thing a person reads in a form; labels and options are plain Chinese, help texts may cite codes. */
	record Text(String form, String where, String value, boolean plainChinese) {

		@Override
		public String toString() {
			return this.form + " " + this.where + " '" + this.value.replace("\n", "\\n") + "'";
		}

	}

	private List<Text> textsOfAllForms() throws IOException {
		List<Text> texts = new ArrayList<>();
		for (Path form : forms()) {
			String file = form.getFileName().toString();
			for (JsonNode component : components(read(form))) {
				String id = component.path("id").asText("(no id)");
				add(texts, file, id + " label", component.get("label"), true);
				add(texts, file, id + " description", component.get("description"), false);
				add(texts, file, id + " placeholder", component.get("placeholder"), false);
				add(texts, file, id + " text", component.get("text"), false);
				add(texts, file, id + " content", component.get("content"), false);
				add(texts, file, id + " prefix", component.path("appearance").get("prefixAdorner"), true);
				add(texts, file, id + " suffix", component.path("appearance").get("suffixAdorner"), true);
				for (JsonNode option : component.path("values")) {
					add(texts, file, id + " option " + option.path("value"), option.get("label"), true);
				}
				for (JsonNode column : component.path("columns")) {
					add(texts, file, id + " column " + column.path("key").asText(), column.get("label"), true);
				}
			}
		}
		return texts;
	}

	private static void add(List<Text> texts, String form, String where, JsonNode value, boolean plainChinese) {
		if (value != null && value.isTextual()) {
			texts.add(new Text(form, where, value.asText(), plainChinese));
		}
	}

	static List<Path> forms() throws IOException {
		assertThat(FORMS).as("the forms folder (tests run in the project's base directory)").isDirectory();
		List<Path> forms = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(FORMS, "*.form")) {
			files.forEach(forms::add);
		}
		forms.sort(null);
		assertThat(forms).as("forms in %s", FORMS.toAbsolutePath()).isNotEmpty();
		return forms;
	}

	private JsonNode read(Path form) throws IOException {
		return this.json.readTree(form.toFile());
	}

	/** Every component of the form, those inside groups and dynamic lists included. */
	private static List<JsonNode> components(JsonNode form) {
		List<JsonNode> all = new ArrayList<>();
		collect(form, all);
		return all;
	}

	private static void collect(JsonNode parent, List<JsonNode> all) {
		for (JsonNode component : parent.path("components")) {
			all.add(component);
			collect(component, all);
		}
	}

	// --- the models --------------------------------------------------------------------------------

	/** A user task or start event that shows a Tasklist form ({@code formRef} empty when it has a formKey). */
	record FormElement(String model, String id, String name, String formRef) {

		@Override
		public String toString() {
			return this.model + " " + this.id + " '" + this.name + "'";
		}

	}

	private static List<FormElement> elementsWithForms() throws Exception {
		List<FormElement> elements = new ArrayList<>();
		List<Path> models = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(PROCESSES, "*.bpmn")) {
			files.forEach(models::add);
		}
		models.sort(null);
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		for (Path model : models) {
			Document document;
			try (InputStream in = Files.newInputStream(model)) {
				document = factory.newDocumentBuilder().parse(in);
			}
			for (String type : List.of("userTask", "startEvent")) {
				NodeList nodes = document.getElementsByTagNameNS(BPMN, type);
				for (int i = 0; i < nodes.getLength(); i++) {
					Element element = (Element) nodes.item(i);
					String formRef = element.getAttributeNS(CAMUNDA, "formRef");
					String formKey = element.getAttributeNS(CAMUNDA, "formKey");
					if (!formRef.isEmpty() || !formKey.isEmpty()) {
						elements.add(new FormElement(model.getFileName().toString(), element.getAttribute("id"),
								element.getAttribute("name"), formRef));
					}
				}
			}
		}
		return elements;
	}

}
