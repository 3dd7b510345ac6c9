package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;

/**
 * The Tasklist case tab calls {@code /api} with the web app's session: reading as the logged-in user,
 * changing only with the session's CSRF token ({@code X-XSRF-TOKEN}), as Camunda's own CSRF filter
 * demands of the web apps. Without it, or with another token, the call is not authenticated (401) and
 * nothing is stored; the access rule still applies to the session's user (the accused employee: 404).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseFileSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	String caseNumber;

	@BeforeEach
	void setUp() throws Exception {
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		String body = """
				{"customerName": "孙丽", "contactPhone": "13912340000", "channel": "PHONE", "complainantType": "CONSUMER",
				 "category": "PRODUCT_QUALITY", "description": "电饭煲漏电", "demand": "REPLACE", "productCode": "RC-10",
				 "storeCode": "SH-02", "accusedEmployee": "agent2"}""";
		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/complaints"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).isEqualTo(201);
		Matcher number = Pattern.compile("CMP-\\d{8}-\\d{4,}").matcher(registered.body());
		assertThat(number.find()).isTrue();
		this.caseNumber = number.group();
	}

	@Test
	void shouldAcceptAChangeFromTheTasklistSessionOnlyWithItsCsrfToken() {
		WebappClient tasklist = new WebappClient(this.port);
		assertThat(tasklist.login("agent1", "agent1").statusCode()).isEqualTo(200);
		String notes = "/api/complaints/" + this.caseNumber + "/notes";

		assertThat(tasklist.postJson(notes, "{\"text\": \"无令牌\"}", false).statusCode()).isEqualTo(401);
		HttpResponse<String> forged = tasklist.send(HttpRequest.newBuilder(tasklist.uri(notes))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", "0123456789ABCDEF")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"伪造的令牌\"}"))
			.build());
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(notes()).isZero();

		HttpResponse<String> added = tasklist.postJson(notes, "{\"text\": \"会话中添加的备注\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(added.body()).contains("\"writtenBy\":\"agent1\"");
		assertThat(tasklist.get("/api/complaints/" + this.caseNumber + "/timeline").body()).contains("会话中添加的备注");
		assertThat(notes()).isEqualTo(1);
	}

	@Test
	void shouldKeepTheAccusedEmployeeOutAlsoInTheSession() {
		WebappClient tasklist = new WebappClient(this.port);
		tasklist.login("agent2", "agent2");
		assertThat(tasklist.get("/api/complaints/" + this.caseNumber + "/timeline").statusCode()).isEqualTo(404);
		assertThat(tasklist.postJson("/api/complaints/" + this.caseNumber + "/notes", "{\"text\": \"我看看\"}")
			.statusCode()).isEqualTo(404);
		assertThat(notes()).isZero();
	}

	/**
	 * Over real HTTP (Tomcat parses the multipart body): just over the desk's 20 MB the desk answers
	 * with the file's size; far over Spring's multipart limit the container stops reading and answers
	 * 413 without a body. Nothing is stored either way.
	 */
	@Test
	void shouldRefuseOversizedUploadsWithAChinese413() throws Exception {
		HttpResponse<String> justOver = upload(20 * 1024 * 1024 + 300 * 1024);
		assertThat(justOver.statusCode()).isEqualTo(413);
		assertThat(justOver.body()).contains("文件过大（20.3 MB）：每个附件最大 20.0 MB，未保存任何内容");
		HttpResponse<String> farOver = upload(23 * 1024 * 1024);
		assertThat(farOver.statusCode()).isEqualTo(413);
		// Tomcat itself refuses the body while reading it (before the desk's handler runs): 413, no body
		assertThat(farOver.body()).doesNotContain("Exception", "at org.");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_attachment WHERE case_number = ?", Integer.class,
				this.caseNumber)).isZero();
	}

	private HttpResponse<String> upload(int size) throws Exception {
		String boundary = "----casefile" + System.nanoTime();
		byte[] content = io.complaintdesk.complaint.casefile.SampleFiles.jpegOfSize(size);
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/complaints/" + this.caseNumber
					+ "/attachments"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int notes() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM case_note WHERE case_number = ?", Integer.class,
				this.caseNumber);
	}

}
