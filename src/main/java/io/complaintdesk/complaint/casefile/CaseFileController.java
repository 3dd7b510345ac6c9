package io.complaintdesk.complaint.casefile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.EnumName;
import io.complaintdesk.base.PlainText;
import io.complaintdesk.base.Reader;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.casefile.CaseAttachments.Attachment;
import io.complaintdesk.complaint.casefile.CaseNotes.Note;

/**
 * The case file (CONTRACT "The case file"): {@code /api/complaints/{caseNumber}/timeline}, {@code …/notes},
 * {@code …/attachments}, {@code …/pause} and {@code …/resume}. Every call first asks whether the caller
 * may read the case ({@code complaint.CaseAccess}): to anyone else it does not exist (404).
 */
@RestController
@RequestMapping("/api/complaints/{caseNumber}")
class CaseFileController {

	private final CaseFile caseFile;

	private final CaseTimeline timeline;

	private final WaitingForCustomer waiting;

	private final CaseFileProperties properties;

	private final PdfPreview pdfPreview;

	CaseFileController(CaseFile caseFile, CaseTimeline timeline, WaitingForCustomer waiting,
			CaseFileProperties properties, PdfPreview pdfPreview) {
		this.pdfPreview = pdfPreview;
		this.caseFile = caseFile;
		this.timeline = timeline;
		this.waiting = waiting;
		this.properties = properties;
	}

	@GetMapping("/timeline")
	List<TimelineEntry> timeline(@PathVariable @Size(max = 32) @PlainText String caseNumber,
			Authentication authentication, Locale locale) {
		return this.timeline.of(this.caseFile.readable(caseNumber, Reader.of(authentication)), locale);
	}

	@PostMapping("/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Note addNote(@PathVariable @Size(max = 32) @PlainText String caseNumber, @Valid @RequestBody NoteRequest request,
			Authentication authentication) {
		Reader reader = Reader.of(authentication);
		this.caseFile.readable(caseNumber, reader);
		if (request.text().strip().length() > this.properties.maxNoteLength()) {
			throw new ApiRefusal(HttpStatus.BAD_REQUEST,
					Text.of("api.note.tooLong", this.properties.maxNoteLength()));
		}
		return this.caseFile.addNote(caseNumber, request.text(), reader);
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Attachment upload(@PathVariable @Size(max = 32) @PlainText String caseNumber,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) @Size(max = 500) @PlainText(multiline = true) String description,
			@RequestParam(required = false) @EnumName(AttachmentKind.class) String kind, Authentication authentication) {
		return this.caseFile.upload(caseNumber, file, description,
				(kind == null || kind.isBlank()) ? AttachmentKind.EVIDENCE : AttachmentKind.valueOf(kind),
				Reader.of(authentication));
	}

	@GetMapping("/attachments")
	List<Attachment> attachments(@PathVariable @Size(max = 32) @PlainText String caseNumber,
			Authentication authentication) {
		return this.caseFile.attachments(caseNumber, Reader.of(authentication));
	}

	/** How much may still be uploaded to the case ({@link CaseFile#uploadRoom}). */
	@GetMapping("/attachments/limits")
	CaseFile.UploadRoom uploadRoom(@PathVariable @Size(max = 32) @PlainText String caseNumber,
			Authentication authentication) {
		return this.caseFile.uploadRoom(caseNumber, Reader.of(authentication));
	}

	/**
	 * The bytes, streamed from the database, as a download ({@code Content-Disposition: attachment}
	 * with the name in RFC 5987 form); {@code ?inline=true} shows an image or a PDF in the case tab's
	 * preview instead. Never sniffed ({@code nosniff}): the type is what the content was detected as.
	 */
	@GetMapping("/attachments/{id}")
	void download(@PathVariable @Size(max = 32) @PlainText String caseNumber, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean inline, Authentication authentication,
			HttpServletResponse response) throws IOException {
		Attachment attachment = this.caseFile.attachment(caseNumber, id, Reader.of(authentication));
		boolean previewable = attachment.contentType().startsWith("image/")
				|| attachment.contentType().equals(MediaType.APPLICATION_PDF_VALUE);
		ContentDisposition disposition = ((inline && previewable) ? ContentDisposition.inline()
				: ContentDisposition.attachment()).filename(attachment.fileName(), StandardCharsets.UTF_8).build();
		response.setContentType(attachment.contentType());
		response.setContentLengthLong(attachment.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		this.caseFile.copyContent(attachment, response.getOutputStream());
	}

	/**
	 * What the case tab shows of an attachment: an image (JPEG, PNG, WebP) as it is, a PDF's first page
	 * as a PNG; 404 for other types (HEIC, documents, audio are downloaded, not previewed).
	 */
	@GetMapping("/attachments/{id}/preview")
	void preview(@PathVariable @Size(max = 32) @PlainText String caseNumber, @PathVariable long id,
			Authentication authentication, HttpServletResponse response) throws IOException {
		Attachment attachment = this.caseFile.attachment(caseNumber, id, Reader.of(authentication));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		if (PREVIEWED_AS_IS.contains(attachment.contentType())) {
			response.setContentType(attachment.contentType());
			response.setContentLengthLong(attachment.size());
			this.caseFile.copyContent(attachment, response.getOutputStream());
		}
		else if (attachment.contentType().equals(MediaType.APPLICATION_PDF_VALUE)) {
			response.setContentType(MediaType.IMAGE_PNG_VALUE);
			this.pdfPreview.firstPageAsPng(attachment.id(), response.getOutputStream());
		}
		else {
			throw ApiRefusal.notFound("api.attachment.noPreview", attachment.fileName());
		}
	}

	private static final java.util.Set<String> PREVIEWED_AS_IS = java.util.Set.of("image/jpeg", "image/png",
			"image/webp");

	/** 等待客户: the case's clocks stop until {@code …/resume}. */
	@PostMapping("/pause")
	PauseState pause(@PathVariable @Size(max = 32) @PlainText String caseNumber,
			@Valid @RequestBody PauseRequest request, Authentication authentication) {
		this.waiting.pause(caseNumber, request.reason(), Reader.of(authentication));
		return new PauseState(caseNumber, true, null);
	}

	/** The clocks run again; every deadline moved by the paused working time. */
	@PostMapping("/resume")
	PauseState resume(@PathVariable @Size(max = 32) @PlainText String caseNumber, Authentication authentication) {
		Duration paused = this.waiting.resume(caseNumber, Reader.of(authentication));
		return new PauseState(caseNumber, false, paused.toMinutes());
	}

	record NoteRequest(@NotBlank @Size(max = CaseFileProperties.NOTE_COLUMN) @PlainText(multiline = true) String text) {
	}

	record PauseRequest(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
	}

	/** @param pausedWorkingMinutes by how much every deadline moved (on resume) */
	record PauseState(String caseNumber, boolean paused, Long pausedWorkingMinutes) {
	}

}
