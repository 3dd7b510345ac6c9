package io.complaintdesk.forms;

import static io.complaintdesk.forms.FormsChineseTests.BPMN;
import static io.complaintdesk.forms.FormsChineseTests.PROCESSES;
import static io.complaintdesk.forms.ModelsChineseTests.DECISIONS;
import static io.complaintdesk.forms.ModelsChineseTests.elements;
import static io.complaintdesk.forms.ModelsChineseTests.files;
import static io.complaintdesk.forms.ModelsChineseTests.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The models open in Camunda Modeler as the Modeler itself would have saved them (issue 13): each
 * names the engine it is made for, so the Modeler offers the Camunda 7 properties and checks against
 * that version, and every flow node lists its sequence flows as {@code <bpmn:incoming>} and
 * {@code <bpmn:outgoing>}, which the Modeler and bpmnlint read the diagram's connections from (the
 * engine reads the sequence flows). {@code .ci/lint/run} lints the same files with bpmnlint and dmnlint.
 */
class ModelsOpenInModelerTests {

	static final String MODELER = "http://camunda.org/schema/modeler/1.0";

	private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateThrowEvent",
			"intermediateCatchEvent", "boundaryEvent", "task", "userTask", "serviceTask", "scriptTask",
			"businessRuleTask", "sendTask", "receiveTask", "manualTask", "callActivity", "subProcess", "transaction",
			"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

	/** The children the BPMN schema puts before a flow node's incoming and outgoing flows. */
	private static final Set<String> BEFORE_FLOWS = Set.of("documentation", "extensionElements");

	@Test
	void everyModelNamesTheEngineItRunsOn() throws Exception {
		String engineVersion = ProcessEngine.class.getPackage().getImplementationVersion();
		assertThat(engineVersion).as("Camunda's version from the engine jar").matches("7\\.\\d+\\.\\d+");
		List<Path> models = new ArrayList<>(files(PROCESSES, "*.bpmn"));
		models.addAll(files(DECISIONS, "*.dmn"));
		List<String> problems = new ArrayList<>();
		for (Path model : models) {
			Element definitions = read(model).getDocumentElement();
			String platform = definitions.getAttributeNS(MODELER, "executionPlatform");
			String version = definitions.getAttributeNS(MODELER, "executionPlatformVersion");
			if (!platform.equals("Camunda Platform") || !version.equals(engineVersion)) {
				problems.add(model.getFileName() + ": modeler:executionPlatform '" + platform
						+ "', modeler:executionPlatformVersion '" + version + "'");
			}
		}
		assertThat(problems).as("models not marked Camunda Platform %s", engineVersion).isEmpty();
	}

	@Test
	void everyFlowNodeListsItsSequenceFlowsAsTheModelerWritesThem() throws Exception {
		List<String> problems = new ArrayList<>();
		int flowNodes = 0;
		for (Path model : files(PROCESSES, "*.bpmn")) {
			Document document = read(model);
			Map<String, Set<String>> incoming = new LinkedHashMap<>();
			Map<String, Set<String>> outgoing = new LinkedHashMap<>();
			for (Element flow : elements(document, BPMN)) {
				if (flow.getLocalName().equals("sequenceFlow")) {
					outgoing.computeIfAbsent(flow.getAttribute("sourceRef"), (id) -> new TreeSet<>())
						.add(flow.getAttribute("id"));
					incoming.computeIfAbsent(flow.getAttribute("targetRef"), (id) -> new TreeSet<>())
						.add(flow.getAttribute("id"));
				}
			}
			for (Element node : elements(document, BPMN)) {
				if (!FLOW_NODES.contains(node.getLocalName())) {
					continue;
				}
				flowNodes++;
				String id = node.getAttribute("id");
				String where = model.getFileName() + " " + node.getLocalName() + " " + id;
				Set<String> listedIn = new TreeSet<>();
				Set<String> listedOut = new TreeSet<>();
				List<String> order = new ArrayList<>();
				for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
					if (child instanceof Element element && BPMN.equals(element.getNamespaceURI())) {
						String name = element.getLocalName();
						order.add(name);
						if (name.equals("incoming") && !listedIn.add(element.getTextContent().trim())) {
							problems.add(where + ": incoming " + element.getTextContent() + " twice");
						}
						if (name.equals("outgoing") && !listedOut.add(element.getTextContent().trim())) {
							problems.add(where + ": outgoing " + element.getTextContent() + " twice");
						}
					}
				}
				if (!listedIn.equals(incoming.getOrDefault(id, Set.of()))) {
					problems.add(where + ": incoming " + listedIn + ", sequence flows in " + incoming.get(id));
				}
				if (!listedOut.equals(outgoing.getOrDefault(id, Set.of()))) {
					problems.add(where + ": outgoing " + listedOut + ", sequence flows out " + outgoing.get(id));
				}
				if (!inSchemaOrder(order)) {
					problems.add(where + ": children in the order " + order
							+ " (documentation, extensionElements, incoming, outgoing, then the rest)");
				}
			}
		}
		assertThat(flowNodes).as("flow nodes in the processes").isGreaterThan(100);
		assertThat(problems).as("flow nodes whose incoming/outgoing do not match the sequence flows").isEmpty();
	}

	/** documentation and extensionElements, then incoming, then outgoing, then anything else. */
	private static boolean inSchemaOrder(List<String> children) {
		int rank = 0;
		for (String child : children) {
			int next = BEFORE_FLOWS.contains(child) ? 0
					: child.equals("incoming") ? 1 : child.equals("outgoing") ? 2 : 3;
			if (next < rank) {
				return false;
			}
			rank = next;
		}
		return true;
	}

}
