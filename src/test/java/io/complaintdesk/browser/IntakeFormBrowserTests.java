package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The start form's intake rules in Tasklist as an agent meets them (POLICY §2, §4): 匿名投诉 hides
 * name and phone and the complaint is registered without them; 整体退换 is offered only for 退货 and
 * 换货; a further report naming an open case of the same customer is added to that case, and
 * Tasklist says so, with nothing started.
 */
@Tag("browser")
class IntakeFormBrowserTests extends BrowserTestSupport {

	@Autowired
	TestRestTemplate rest;

	@Test
	void anonymousComplaintIsRegisteredWithoutNameOrPhone() {
		String description = "匿名来信：门店服务员态度恶劣 " + UUID.randomUUID().toString().substring(0, 6);
		this.tasklist.login("agent1");
		this.tasklist.startProcess("投诉处理");
		Tasklist.Form form = this.tasklist.form();
		assertThat(form.labels()).as("labels of the start form").contains("匿名投诉", "电子邮箱", "收到投诉的日期",
				"收到投诉的时间").doesNotContain("整体退换（整件/整批产品）");

		form.check("匿名投诉");
		this.tasklist.waiting("name and phone hidden")
			.until((d) -> !form.hasField("投诉人姓名") && !form.hasField("联系电话"));
		form.choose("投诉人类型", "消费者")
			.radio("投诉渠道", "信函")
			.radio("投诉类别", "门店服务态度")
			.type("投诉内容", description)
			.radio("客户诉求", "退货");
		// hidden until then (the labels above), offered for 退货; left unticked: returning one item is no crisis
		assertThat(form.hasField("整体退换")).as("整体退换 offered for 退货").isTrue();
		// the letter arrived yesterday at 10:00 (the browser's clock and zone)
		java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
		typeInto("收到投诉的日期", yesterday.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
		typeInto("收到投诉的时间", "10:00");
		form.scrollTo("投诉人类型");
		screenshot("start-form-anonymous");
		this.tasklist.clickStart();
		this.tasklist.waiting("the process started").until((d) -> !this.tasklist.startDialogOpen());

		ProcessInstance instance = this.tasklist.waiting("the anonymous case registered")
			.until((d) -> this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("complaint-handling")
				.variableValueEquals("description", description)
				.singleResult());
		Map<String, Object> variables = this.runtimeService.getVariables(instance.getId());
		assertThat(variables).containsEntry("anonymous", true)
			.containsEntry("registeredBy", "agent1")
			.containsEntry("channel", "LETTER")
			.containsEntry("demand", "RETURN")
			.containsEntry("major", false)
			.doesNotContainKeys("customerName", "contactPhone");
		// taken as given, with the browser's offset: yesterday 10:00, not the time of registration
		java.time.Instant receivedAt = ((java.util.Date) variables.get("receivedAt")).toInstant();
		assertThat(receivedAt.atZone(java.time.ZoneId.systemDefault()).toLocalDateTime())
			.isEqualTo(yesterday.atTime(10, 0));
		assertThat(this.runtimeService.getVariable(instance.getId(), "closeBy"))
			.isEqualTo(java.util.Date.from(receivedAt.plus(java.time.Duration.ofDays(7))));
	}

	/** Types into one half of the date-time field (its date or its time input) and leaves it. */
	private void typeInto(String label, String text) {
		WebElement input = this.driver.findElement(By.xpath("//label[contains(@class, 'fjs-form-field-label')"
				+ " and starts-with(normalize-space(.), '" + label + "')]/following::input[1]"));
		// focused by script: the date picker's calendar may lie over the time input
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
				input);
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
	}

	@Test
	@SuppressWarnings("rawtypes")
	void furtherReportOfAnOpenCaseIsAddedToItAndStartsNothing() {
		String phone = "137" + String.valueOf(System.nanoTime()).substring(0, 8);
		Map<String, Object> first = Map.of("customerName", "孙梅", "contactPhone", phone, "channel", "PHONE",
				"complainantType", "CONSUMER", "category", "PRODUCT_QUALITY", "description", "电饭煲盖子合不上",
				"demand", "REPAIR", "productCode", "RC-3");
		ResponseEntity<Map> created = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/api/complaints", first, Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNumber = (String) created.getBody().get("caseNumber");
		long instances = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling")
			.count();

		this.tasklist.login("agent2");
		this.tasklist.startProcess("投诉处理");
		Tasklist.Form form = this.tasklist.form();
		form.type("投诉人姓名", "孙梅")
			.choose("投诉人类型", "消费者")
			.type("联系电话", phone)
			.radio("投诉渠道", "短信")
			.radio("投诉类别", "产品质量")
			.type("投诉内容", "短信再次反映：电饭煲盖子还是合不上")
			.type("关联受理编号", caseNumber)
			.radio("客户诉求", "维修");
		this.tasklist.clickStart();
		// the start dialog shows the answer in its own notification panel
		String said = this.tasklist.waiting("Tasklist says the report was added to the open case")
			.until((d) -> d.findElements(By.cssSelector(".modal-body .notifications .alert"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> text.contains(caseNumber))
				.findFirst()
				.orElse(null));
		assertThat(said).contains("此投诉与未结案件 " + caseNumber + " 为同一事项：已作为重复反映并入该案件，未新建案件");
		assertThat(this.tasklist.startDialogOpen()).as("nothing started: the dialog stays open").isTrue();
		screenshot("start-form-duplicate-report");

		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling").count())
			.as("no instance started").isEqualTo(instances);
		ResponseEntity<Map> read = this.rest.withBasicAuth("super1", "super1")
			.getForEntity("/api/complaints/" + caseNumber, Map.class);
		assertThat((java.util.List<?>) read.getBody().get("duplicateReports")).singleElement()
			.satisfies((report) -> {
				Map<?, ?> row = (Map<?, ?>) report;
				assertThat(row.get("channel")).isEqualTo("SMS");
				assertThat(row.get("recordedBy")).isEqualTo("agent2");
			});
	}

}
