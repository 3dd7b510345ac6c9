package io.complaintdesk.complaint.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;

/**
 * The case file's API (CONTRACT "The case file"): notes, attachments and the timeline, each for a
 * reader of the case and refused as if the case did not exist (404) to the employee it is about
 * (agent2) and to an outsider (brand/legal on an ordinary case); hostile input gets a clear 4xx and
 * nothing is stored. Limits are small here (64 KB a file, 200 KB a case) so that "too large" needs
 * no megabytes.
 */
@SpringBootTest(properties = { "complaint-desk.case-file.max-file-size=64KB",
		"complaint-desk.case-file.max-case-size=200KB" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseFileApiTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	String caseNumber;

	@BeforeEach
	void setUp() throws Exception {
		TestClock.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-23T10:00").atZone(SHANGHAI).toInstant()));
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		this.caseNumber = register(this.mvc, this.json, "agent2");
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		this.identity.clearAuthentication();
	}

	/** Registers an ordinary complaint about {@code accused} (or nobody) as agent1; its case number. */
	static String register(MockMvc mvc, ObjectMapper json, String accused) throws Exception {
		Map<String, Object> complaint = new LinkedHashMap<>();
		complaint.put("customerId", "CF-" + System.nanoTime());
		complaint.put("customerName", "王芳");
		complaint.put("contactPhone", "13912345678");
		complaint.put("channel", "PHONE");
		complaint.put("complainantType", "CONSUMER");
		complaint.put("category", "PRODUCT_QUALITY");
		complaint.put("description", "电水壶买回两天就不加热了");
		complaint.put("demand", "REPAIR");
		complaint.put("productCode", "KT-200");
		complaint.put("storeCode", "SH-01");
		if (accused != null) {
			complaint.put("accusedEmployee", accused);
		}
		MvcResult result = mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(complaint)))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString()).get("caseNumber").asText();
	}

	static RequestPostProcessor as(String user) {
		return httpBasic(user, user);
	}

	// ------------------------------------------------------------------ notes

	@Test
	void shouldAddAnInternalNoteAndShowItInTheTimeline() throws Exception {
		this.mvc
			.perform(post("/api/complaints/{c}/notes", this.caseNumber).with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"客户周三下午方便接电话\\n发票在路上\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.writtenBy").value("agent1"));
		assertThat(this.jdbc.queryForList("SELECT note_text FROM case_note WHERE case_number = ?", String.class,
				this.caseNumber)).containsExactly("客户周三下午方便接电话\n发票在路上");

		JsonNode timeline = timeline("agent1");
		assertThat(timeline.get(0).get("type").asText()).isEqualTo("REGISTERED");
		assertThat(timeline.get(0).get("actor").asText()).isEqualTo("agent1");
		assertThat(timeline.get(0).get("text").asText()).isEqualTo("受理登记：电话，一级（普通投诉）");
		JsonNode note = last(timeline, "NOTE");
		assertThat(note.get("text").asText()).isEqualTo("内部备注：客户周三下午方便接电话\n发票在路上");
		assertThat(note.get("actor").asText()).isEqualTo("agent1");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"text\": \"\"}", "{\"text\": \"   \"}", "{}", "{\"text\": \"bell\\u0007\"}",
			"not json", "[\"a list\"]" })
	void shouldRefuseAnEmptyOrUnreadableNoteAndStoreNothing(String body) throws Exception {
		this.mvc
			.perform(post("/api/complaints/{c}/notes", this.caseNumber).with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.trace").doesNotExist());
		assertThat(notes()).isZero();
	}

	@Test
	void shouldRefuseANoteOverTheLimitAndStoreNothing() throws Exception {
		this.mvc
			.perform(post("/api/complaints/{c}/notes", this.caseNumber).with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("text", "长".repeat(5001)))))
			.andExpect(status().isBadRequest());
		// 100,000 characters: larger than any /api body may be
		this.mvc
			.perform(post("/api/complaints/{c}/notes", this.caseNumber).with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("text", "x".repeat(100_000)))))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未保存任何内容")));
		assertThat(notes()).isZero();
	}

	// ------------------------------------------------------------------ attachments

	@Test
	void shouldStoreAPhotoWithItsDetectedTypeAndHashAndServeItAsADownload() throws Exception {
		byte[] photo = SampleFiles.jpeg();
		MvcResult result = this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "水壶照片.jpg", "application/octet-stream", photo))
				.param("description", "客户发来的照片")
				.with(as("agent1")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("水壶照片.jpg"))
			.andExpect(jsonPath("$.contentType").value("image/jpeg"))
			.andExpect(jsonPath("$.size").value(photo.length))
			.andExpect(jsonPath("$.sha256").value(sha256(photo)))
			.andExpect(jsonPath("$.kind").value("EVIDENCE"))
			.andExpect(jsonPath("$.uploadedBy").value("agent1"))
			.andReturn();
		long id = this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();

		this.mvc.perform(get("/api/complaints/{c}/attachments", this.caseNumber).with(as("super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].description").value("客户发来的照片"));

		MvcResult download = this.mvc
			.perform(get("/api/complaints/{c}/attachments/{id}", this.caseNumber, id).with(as("clerk1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(photo);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%E6%B0%B4%E5%A3%B6%E7%85%A7%E7%89%87.jpg");
		// the preview asks for it inline
		this.mvc
			.perform(get("/api/complaints/{c}/attachments/{id}", this.caseNumber, id).param("inline", "true")
				.with(as("agent1")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")));
		assertThat(last(timeline("agent1"), "ATTACHMENT").get("text").asText())
			.isEqualTo("上传附件（证据材料）：水壶照片.jpg");
	}

	@Test
	void shouldStoreALargeFileInChunksAndGiveBackEveryByte() throws Exception {
		byte[] pdf = SampleFiles.pdf();
		byte[] big = new byte[60 * 1024];
		System.arraycopy(pdf, 0, big, 0, pdf.length);
		for (int i = pdf.length; i < big.length; i++) {
			big[i] = (byte) (i * 31);
		}
		long id = upload("发票.pdf", big, "agent1");
		MvcResult download = this.mvc
			.perform(get("/api/complaints/{c}/attachments/{id}", this.caseNumber, id).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(big);
		assertThat(this.jdbc.queryForObject("SELECT sha256 FROM case_attachment WHERE id = ?", String.class, id))
			.isEqualTo(sha256(big));
	}

	@Test
	void shouldPreviewAPdfAsAnImageOfItsFirstPageAndAPhotoAsItIs() throws Exception {
		long pdf = upload("发票.pdf", SampleFiles.pdf(), "agent1");
		MvcResult preview = this.mvc
			.perform(get("/api/complaints/{c}/attachments/{id}/preview", this.caseNumber, pdf).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn();
		java.awt.image.BufferedImage page = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(preview.getResponse().getContentAsByteArray()));
		assertThat(page.getWidth()).isEqualTo(PdfPreview.WIDTH);
		long photo = upload("photo.jpg", SampleFiles.jpeg(), "agent1");
		this.mvc.perform(get("/api/complaints/{c}/attachments/{id}/preview", this.caseNumber, photo).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"));
		long document = upload("报告.docx", SampleFiles.docx(), "agent1");
		this.mvc
			.perform(get("/api/complaints/{c}/attachments/{id}/preview", this.caseNumber, document).with(as("agent1")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/complaints/{c}/attachments/{id}/preview", this.caseNumber, pdf).with(as("agent2")))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldRefuseAProgramRenamedAsAPhotoWithAReadableChineseMessage() throws Exception {
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", SampleFiles.exe()))
				.with(as("agent1")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(
					"不接受文件“photo.jpg”：按文件内容判断，它不是图片（JPEG、PNG、WebP、HEIC）、PDF、办公文档或录音。请上传照片、扫描件、文档或录音，未保存任何内容"));
		assertThat(attachments()).isZero();
	}

	@Test
	void shouldRefuseTextAndEmptyFilesAndStoreNothing() throws Exception {
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "run.sh", "text/plain", SampleFiles.script()))
				.with(as("agent1")))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "empty.jpg", "image/jpeg", new byte[0]))
				.with(as("agent1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("文件是空的")));
		// no file part at all
		this.mvc.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber).with(as("agent1")))
			.andExpect(status().isBadRequest());
		// a kind the desk does not know
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "a.jpg", "image/jpeg", SampleFiles.jpeg()))
				.param("kind", "SELFIE")
				.with(as("agent1")))
			.andExpect(status().isBadRequest());
		assertThat(attachments()).isZero();
	}

	@Test
	void shouldRefuseAFileOverTheFileLimitAndACaseOverTheCaseLimit() throws Exception {
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "huge.jpg", "image/jpeg", SampleFiles.jpegOfSize(65 * 1024)))
				.with(as("agent1")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("文件过大（0.1 MB）：每个附件最大 0.1 MB，未保存任何内容"));
		assertThat(attachments()).isZero();
		for (int i = 0; i < 3; i++) {
			upload("photo" + i + ".jpg", SampleFiles.jpegOfSize(60 * 1024), "agent1");
		}
		// what the case tab checks a file against before sending it
		this.mvc.perform(get("/api/complaints/{c}/attachments/limits", this.caseNumber).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.maxFileSize").value(64 * 1024))
			.andExpect(jsonPath("$.maxCaseSize").value(200 * 1024))
			.andExpect(jsonPath("$.storedSize").value(3 * 60 * 1024))
			.andExpect(jsonPath("$.remainingSize").value(20 * 1024));
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "one-too-many.jpg", "image/jpeg", SampleFiles.jpegOfSize(30 * 1024)))
				.with(as("agent1")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("本案件的附件合计不能超过 0.2 MB")));
		assertThat(attachments()).isEqualTo(3);
	}

	@Test
	void shouldKeepOnlyTheLastSegmentOfPathLikeNames() throws Exception {
		Map<String, String> names = Map.of("../../etc/passwd", "passwd", "C:\\Users\\x\\x.jpg", "x.jpg",
				"..\\..\\boot.ini", "boot.ini", "/", FileNames.UNNAMED, "..", FileNames.UNNAMED, "a\u202Egpj.exe",
				"agpj.exe");
		for (Map.Entry<String, String> name : names.entrySet()) {
			long id = upload(name.getKey(), SampleFiles.png(), "agent1");
			assertThat(this.jdbc.queryForObject("SELECT file_name FROM case_attachment WHERE id = ?", String.class, id))
				.as(name.getKey())
				.isEqualTo(name.getValue());
		}
	}

	// ------------------------------------------------------------------ duplicate reports

	@Test
	void shouldShowADuplicateReportOfTheSameMatterInTheTimeline() throws Exception {
		TestClock.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-24T09:00").atZone(SHANGHAI).toInstant()));
		Map<String, Object> again = new LinkedHashMap<>();
		again.put("customerId", this.jdbc.queryForObject("SELECT customer_id FROM complaint WHERE case_number = ?",
				String.class, this.caseNumber));
		again.put("customerName", "王芳");
		again.put("contactPhone", "13912345678");
		again.put("channel", "LETTER");
		again.put("complainantType", "CONSUMER");
		again.put("category", "PRODUCT_QUALITY");
		again.put("description", "我再写信：水壶还是不加热");
		again.put("demand", "REPAIR");
		again.put("productCode", "KT-200");
		again.put("storeCode", "SH-01");
		again.put("relatedCaseNumber", this.caseNumber);
		again.put("receivedAt", "2026-11-24T08:30:00+08:00");
		this.mvc
			.perform(post("/api/complaints").with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(again)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNumber").value(this.caseNumber))
			.andExpect(jsonPath("$.duplicate").value(true));

		JsonNode timeline = timeline("agent1");
		JsonNode report = last(timeline, "DUPLICATE_REPORT");
		assertThat(report.get("actor").asText()).isEqualTo("agent1");
		assertThat(java.time.OffsetDateTime.parse(report.get("at").asText()).toInstant())
			.isEqualTo(LocalDateTime.parse("2026-11-24T08:30").atZone(SHANGHAI).toInstant());
		assertThat(report.get("text").asText())
			.isEqualTo("重复反映（并入原案件）：信函，受理时间 2026-11-24 08:30，内容：我再写信：水壶还是不加热");
		// after the registration, in the order things happened
		assertThat(timeline.get(0).get("type").asText()).isEqualTo("REGISTERED");
		// the accused employee and an outsider still cannot read it
		for (String user : List.of("agent2", "legal1")) {
			this.mvc.perform(get("/api/complaints/{c}/timeline", this.caseNumber).with(as(user)))
				.andExpect(status().isNotFound());
		}
	}

	// ------------------------------------------------------------------ who may read the case file

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "agent2", "legal1" })
	void shouldNotExistForTheAccusedEmployeeNorForAnOutsider(String user) throws Exception {
		long id = upload("photo.jpg", SampleFiles.jpeg(), "agent1");
		String notFound = "没有受理编号为 " + this.caseNumber + " 的投诉";
		this.mvc.perform(get("/api/complaints/{c}/timeline", this.caseNumber).with(as(user)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(notFound));
		this.mvc.perform(get("/api/complaints/{c}/attachments", this.caseNumber).with(as(user)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/complaints/{c}/attachments/{id}", this.caseNumber, id).with(as(user)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/complaints/{c}/attachments/limits", this.caseNumber).with(as(user)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(notFound));
		this.mvc
			.perform(post("/api/complaints/{c}/notes", this.caseNumber).with(as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"我看看\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", "mine.jpg", "image/jpeg", SampleFiles.jpeg()))
				.with(as(user)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/complaints/{c}/pause", this.caseNumber).with(as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"等发票\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as(user)))
			.andExpect(status().isNotFound());
		assertThat(notes()).isZero();
		assertThat(attachments()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_pause WHERE case_number = ?", Integer.class,
				this.caseNumber)).isZero();
	}

	@Test
	void shouldNotServeAnAttachmentThroughAnotherCase() throws Exception {
		long id = upload("photo.jpg", SampleFiles.jpeg(), "agent1");
		String other = register(this.mvc, this.json, null);
		this.mvc.perform(get("/api/complaints/{c}/attachments/{id}", other, id).with(as("agent1")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/complaints/{c}/attachments/{id}", this.caseNumber, "abc").with(as("agent1")))
			.andExpect(status().isBadRequest());
	}

	// ------------------------------------------------------------------ helpers

	long upload(String name, byte[] content, String user) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new MockMultipartFile("file", name, "application/octet-stream", content))
				.with(as(user)))
			.andExpect(status().isCreated())
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
	}

	JsonNode timeline(String user) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/complaints/{c}/timeline", this.caseNumber).with(as(user)))
			.andExpect(status().isOk())
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	static JsonNode last(JsonNode timeline, String type) {
		JsonNode found = null;
		for (JsonNode entry : timeline) {
			if (type.equals(entry.get("type").asText())) {
				found = entry;
			}
		}
		assertThat(found).as("a " + type + " entry in " + timeline).isNotNull();
		return found;
	}

	int notes() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM case_note WHERE case_number = ?", Integer.class,
				this.caseNumber);
	}

	int attachments() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM case_attachment WHERE case_number = ?", Integer.class,
				this.caseNumber);
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}


}
