package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.webapp.filter.FailedContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import io.complaintdesk.ComplaintDeskApplication;
import io.complaintdesk.system.ProductionSafety.UnsafeProductionException;

/**
 * The production profile ({@code postgres}) refuses what only suits a try-out. The rules on their
 * own, then real starts of the application in that profile (on an in-memory H2 database in place
 * of PostgreSQL, with the administrator given the way the environment gives it).
 */
class ProductionSafetyTests {

	private static final String STRONG = "Tq7-vR2m-Lp9x-Wc4z";

	@Test
	void aProperProductionConfigurationPasses() {
		assertThat(ProductionSafety.problems(production("deskadmin", STRONG))).isEmpty();
	}

	@Test
	void aMissingAdministratorIsRefused() {
		assertThat(ProductionSafety.problems(production("", "")))
			.anySatisfy((p) -> assertThat(p).contains("COMPLAINT_DESK_ADMIN_USER"))
			.anySatisfy((p) -> assertThat(p).contains("COMPLAINT_DESK_ADMIN_PASSWORD"));
	}

	@ParameterizedTest
	@CsvSource({ "demo, demo", "admin, admin", "deskadmin, camunda", "deskadmin, short-pw", "deskadmin, deskadmin-2026!",
			"deskadmin, password1234", "deskadmin, aaaaaaaaaaaaaaaa", "deskadmin, CHANGEME" })
	void defaultAndWeakPasswordsAreRefused(String user, String password) {
		assertThat(ProductionSafety.problems(production(user, password)))
			.singleElement()
			.satisfies((p) -> assertThat(p).contains("default or weak"));
	}

	@Test
	void theDemoProfileIsRefusedInProduction() {
		MockEnvironment environment = production("deskadmin", STRONG);
		environment.setActiveProfiles("postgres", "demo");

		assertThat(ProductionSafety.problems(environment)).singleElement()
			.satisfies((p) -> assertThat(p).contains("demo profile"));
	}

	@Test
	void startingWithoutAnAdministratorFailsBeforeAnythingIsCreated() {
		String database = "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

		assertThatThrownBy(() -> application(database).run())
			.isInstanceOf(UnsafeProductionException.class)
			.hasMessageContaining("COMPLAINT_DESK_ADMIN_USER")
			.satisfies((failure) -> {
				FailureAnalysis analysis = new UnsafeProductionAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("refuses to start").contains("COMPLAINT_DESK_ADMIN_PASSWORD");
				assertThat(analysis.getAction()).contains("COMPLAINT_DESK_ADMIN_USER");
			});
	}

	@Test
	void productionStartsWithItsAdministratorAndRefusesDemoUsersLater() throws Exception {
		String database = "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		SpringApplicationBuilder production = application(database).properties("COMPLAINT_DESK_ADMIN_USER=deskadmin",
				"COMPLAINT_DESK_ADMIN_PASSWORD=" + STRONG);

		try (ConfigurableApplicationContext desk = production.run()) {
			IdentityService identity = desk.getBean(IdentityService.class);
			assertThat(identity.checkPassword("deskadmin", STRONG)).isTrue();
			assertThat(identity.createUserQuery().userId("deskadmin").memberOfGroup(Groups.ADMINS).count()).isEqualTo(1);
			assertThat(identity.createUserQuery().userId("agent1").count()).as("no demo users in production").isZero();
			// production cookies are Secure and HSTS is on
			int port = ((WebServerApplicationContext) desk).getWebServer().getPort();
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/production-check/"))
					.header("X-Forwarded-Proto", "https")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy((c) -> assertThat(c).contains("Secure"));
			assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
			// someone brings a demo user into the production database
			User agent = identity.newUser("agent1");
			agent.setPassword("agent1");
			identity.saveUser(agent);
		}

		assertThatThrownBy(() -> application(database).properties("COMPLAINT_DESK_ADMIN_USER=deskadmin",
				"COMPLAINT_DESK_ADMIN_PASSWORD=" + STRONG).run())
			.satisfies((failure) -> assertThat(unsafeProduction(failure).getMessage()).contains("agent1"));
		FailedContexts.forget();

		try (ConfigurableApplicationContext desk = application(database)
			.properties("COMPLAINT_DESK_ADMIN_USER=deskadmin", "COMPLAINT_DESK_ADMIN_PASSWORD=" + STRONG,
					"complaint-desk.remove-demo-users=true")
			.run()) {
			assertThat(desk.getBean(IdentityService.class).createUserQuery().userId("agent1").count()).isZero();
		}
	}

	private static UnsafeProductionException unsafeProduction(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnsafeProductionException unsafe) {
				return unsafe;
			}
		}
		throw new AssertionError("not refused as unsafe production", failure);
	}

	/** The production profile on an H2 database, configured through the environment's names. */
	private static SpringApplicationBuilder application(String database) {
		return new SpringApplicationBuilder(ComplaintDeskApplication.class).profiles(ProductionSafety.PRODUCTION_PROFILE)
			// an engine name of its own: Camunda registers engines JVM-wide by name, and the test
			// contexts of the other classes keep theirs ("default")
			.properties("COMPLAINT_DESK_DB_URL=" + database, "COMPLAINT_DESK_DB_USER=sa", "server.port=0",
					"camunda.bpm.process-engine-name=production-check",
					"camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off");
	}

	private static MockEnvironment production(String user, String password) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("postgres");
		environment.setProperty("camunda.bpm.admin-user.id", user);
		environment.setProperty("camunda.bpm.admin-user.password", password);
		return environment;
	}

}
