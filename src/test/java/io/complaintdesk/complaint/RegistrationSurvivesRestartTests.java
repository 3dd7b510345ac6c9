package io.complaintdesk.complaint;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.complaintdesk.ComplaintDeskApplication;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * A registered complaint survives a restart of the application (H2 file database, as in the
 * default run): the registry row, the process instance and its first task are still there, and
 * the task can be completed.
 */
class RegistrationSurvivesRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepRegisteredComplaintAcrossRestart() {
		TestClock.reset();
		RegisteredComplaint registered;
		ConfigurableApplicationContext first = start();
		try {
			registered = first.getBean(ComplaintIntake.class)
				.register(new ComplaintRequest("C-3001", "Zhao Min", "13700002222", "ONLINE", "CONSUMER",
						"ORDER_MISMATCH", "Ordered a blue kettle, got a red toaster", "REPLACE", null, "KT-200",
						"SH-03", null, null, false, false, false, false, false, false).toNewComplaint());
			assertThat(registered.caseNumber()).matches("CMP-\\d{8}-\\d{4}");
		}
		finally {
			first.close();
		}

		ConfigurableApplicationContext second = start();
		try {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			Map<String, Object> row = jdbc.queryForMap("SELECT * FROM complaint WHERE case_number = ?",
					registered.caseNumber());
			assertThat(row).containsEntry("PROCESS_INSTANCE_ID", registered.processInstanceId())
				.containsEntry("STATUS", "OPEN")
				.containsEntry("CUSTOMER_NAME", "Zhao Min");

			RuntimeService runtime = second.getBean(RuntimeService.class);
			ProcessInstance instance = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(registered.caseNumber())
				.singleResult();
			assertThat(instance).isNotNull();
			assertThat(instance.getId()).isEqualTo(registered.processInstanceId());

			TaskService tasks = second.getBean(TaskService.class);
			Task verify = tasks.createTaskQuery()
				.processInstanceBusinessKey(registered.caseNumber())
				.taskDefinitionKey("verifyComplaint")
				.singleResult();
			assertThat(verify).isNotNull();

			tasks.complete(verify.getId(),
					Map.of("valid", false, "verificationNote", "Order matched the delivery note; explained by phone"));

			assertThat(tasks.createTaskQuery()
				.processInstanceBusinessKey(registered.caseNumber())
				.taskDefinitionKey("verifyComplaint")
				.count()).isZero();
			assertThat(jdbc.queryForMap("SELECT valid, verification_note FROM complaint WHERE case_number = ?",
					registered.caseNumber()))
				.containsEntry("VALID", false)
				.containsEntry("VERIFICATION_NOTE", "Order matched the delivery note; explained by phone");
		}
		finally {
			second.close();
		}
	}

	private ConfigurableApplicationContext start() {
		String url = "jdbc:h2:file:" + this.dataDir.resolve("desk").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
		// command-line arguments: they take precedence over application-test.yaml
		return new SpringApplicationBuilder(ComplaintDeskApplication.class).run("--spring.profiles.active=test",
				"--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.process-engine-name=restartTest",
				"--camunda.bpm.job-execution.enabled=false");
	}

}
