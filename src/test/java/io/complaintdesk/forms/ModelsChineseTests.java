package io.complaintdesk.forms;

import static io.complaintdesk.forms.FormsChineseTests.PROCESSES;
import static io.complaintdesk.forms.FormsChineseTests.chineseFirst;
import static io.complaintdesk.forms.FormsChineseTests.plainChinese;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The models speak the staff's language too (issue 13, GLOSSARY): Tasklist lists the processes and
 * tasks by their BPMN names and Cockpit shows every element's name, so each name in
 * {@code processes/*.bpmn} is plain Chinese; the DMN tables' names, column labels and rule
 * annotations, which process owners read and edit, are Chinese first with an English gloss after
 * them ({@code 投诉级别 (level)}). Ids, keys, variables and message names stay English.
 */
class ModelsChineseTests {

	static final Path DECISIONS = Path.of("decisions");

	static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

	/** Names that are code, not text: the message name is what the engine correlates by. */
	private static final Set<String> TECHNICAL_NAMES = Set.of("message", "signal", "error", "escalation");

	/** What a person sees in Tasklist and Cockpit, so what must carry a name. */
	private static final Set<String> MUST_BE_NAMED = Set.of("process", "startEvent", "endEvent",
			"intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent", "userTask", "serviceTask",
			"businessRuleTask", "scriptTask", "sendTask", "receiveTask", "manualTask", "task", "callActivity",
			"subProcess");

	/** A word of the English gloss. */
	private static final Pattern ENGLISH_WORD = Pattern.compile("\\p{IsLatin}*\\p{Ll}\\p{IsLatin}*");

	@Test
	void everyNameInTheProcessesIsPlainChinese() throws Exception {
		List<Text> names = new ArrayList<>();
		List<String> unnamed = new ArrayList<>();
		for (Path model : files(PROCESSES, "*.bpmn")) {
			for (Element element : elements(read(model), FormsChineseTests.BPMN)) {
				String type = element.getLocalName();
				if (TECHNICAL_NAMES.contains(type)) {
					continue;
				}
				Text name = new Text(model, type + " " + element.getAttribute("id"), element.getAttribute("name"));
				if (element.hasAttribute("name")) {
					names.add(name);
				}
				else if (MUST_BE_NAMED.contains(type)) {
					unnamed.add(name.where());
				}
			}
		}
		assertThat(names).as("named elements in %s", PROCESSES.toAbsolutePath()).hasSizeGreaterThan(100);
		assertThat(unnamed).as("processes, tasks and events without a name").isEmpty();

		List<String> problems = new ArrayList<>();
		for (Text name : names) {
			chineseFirst(name.value()).or(() -> plainChinese(name.value()))
				.ifPresent((problem) -> problems.add(name + ": " + problem));
		}
		assertThat(problems).as("names in the processes that are not plain Chinese").isEmpty();
	}

	@Test
	void everyProcessNameTheStaffPickFromReadsChinese() throws Exception {
		List<String> names = new ArrayList<>();
		for (Path model : files(PROCESSES, "*.bpmn")) {
			for (Element process : elements(read(model), FormsChineseTests.BPMN)) {
				if (process.getLocalName().equals("process")) {
					names.add(process.getAttribute("id") + "=" + process.getAttribute("name"));
				}
			}
		}
		// Tasklist's "Start process" list and Cockpit's process list show these names
		assertThat(names).contains("complaint-handling=投诉处理", "client-tier-review=客户分级评审（半年）",
				"customer-blacklist=客户黑名单", "complaint-report=投诉周报和投诉统计月报");
	}

	@Test
	void everyDecisionNameLabelAndAnnotationReadsChineseFirstWithAnEnglishGloss() throws Exception {
		List<Text> texts = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Path model : files(DECISIONS, "*.dmn")) {
			for (Element element : elements(read(model), DMN)) {
				String where = element.getLocalName() + " " + element.getAttribute("id");
				switch (element.getLocalName()) {
					case "definitions", "decision" -> text(model, where, element, "name", texts, missing);
					case "input", "output" -> text(model, where, element, "label", texts, missing);
					case "rule" -> {
						Optional<Element> annotation = child(element, "description");
						if (annotation.isEmpty() || annotation.get().getTextContent().isBlank()) {
							missing.add(model.getFileName() + " " + where + ": no annotation");
						}
						else {
							texts.add(new Text(model, where + " annotation", annotation.get().getTextContent()));
						}
					}
					default -> {
					}
				}
			}
		}
		assertThat(texts).as("names, labels and annotations in %s", DECISIONS.toAbsolutePath())
			.hasSizeGreaterThan(50);
		assertThat(missing).as("decisions, columns and rules a process owner cannot read").isEmpty();

		List<String> problems = new ArrayList<>();
		for (Text text : texts) {
			chineseFirst(text.value()).or(() -> englishGloss(text.value()))
				.ifPresent((problem) -> problems.add(text + ": " + problem));
		}
		assertThat(problems).as("texts in the decisions that are not Chinese first, English second").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "投诉级别 (level)", "POLICY §4：向 12315 投诉的消费者 → 三级 / consumer went to 12315",
			"核决权限 (Compensation authority)" })
	void englishGlossAccepts(String text) {
		assertThat(chineseFirst(text)).as(text).isEmpty();
		assertThat(englishGloss(text)).as(text).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "投诉级别", "Level (投诉级别)", "VIP 客户" })
	void englishGlossRefuses(String text) {
		assertThat(chineseFirst(text).or(() -> englishGloss(text))).as(text).isPresent();
	}

	/** Empty when an English word follows the Chinese (the gloss for those who write the rules in English). */
	static Optional<String> englishGloss(String text) {
		int chinese = text.codePoints().takeWhile((c) -> !isChinese(c)).map(Character::charCount).sum();
		if (chinese == text.length()) {
			return Optional.of("no Chinese");
		}
		return ENGLISH_WORD.matcher(text.substring(chinese)).find() ? Optional.empty()
				: Optional.of("no English after the Chinese");
	}

	private static boolean isChinese(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	// --- reading the models ----------------------------------------------------------------------------

	/** One text a person reads in a model. */
	record Text(Path model, String where, String value) {

		@Override
		public String toString() {
			return this.model.getFileName() + " " + this.where + " '" + this.value + "'";
		}

	}

	private static void text(Path model, String where, Element element, String attribute, List<Text> texts,
			List<String> missing) {
		String value = element.getAttribute(attribute);
		if (value.isBlank()) {
			missing.add(model.getFileName() + " " + where + ": no " + attribute);
		}
		else {
			texts.add(new Text(model, where + " " + attribute, value));
		}
	}

	private static Optional<Element> child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				return Optional.of(element);
			}
		}
		return Optional.empty();
	}

	static List<Path> files(Path folder, String glob) throws IOException {
		assertThat(folder).as("the models' folder (tests run in the project's base directory)").isDirectory();
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
			found.forEach(files::add);
		}
		files.sort(null);
		assertThat(files).as("%s in %s", glob, folder.toAbsolutePath()).isNotEmpty();
		return files;
	}

	static Document read(Path model) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		try (InputStream in = Files.newInputStream(model)) {
			return factory.newDocumentBuilder().parse(in);
		}
	}

	/** Every element of the namespace, the root included, in document order. */
	static List<Element> elements(Document document, String namespace) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, "*");
		List<Element> elements = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

}
