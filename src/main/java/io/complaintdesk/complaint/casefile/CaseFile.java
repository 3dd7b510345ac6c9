package io.complaintdesk.complaint.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Reader;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.CaseAccess;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.casefile.CaseAttachments.Attachment;
import io.complaintdesk.complaint.casefile.CaseNotes.Note;

/**
 * The case file (issue 16): notes and attachments of a case, for those who may read it (one rule:
 * {@link CaseAccess}; to anyone else the case does not exist, 404). Every check comes before anything
 * is stored; an upload that fails half-way rolls back with its transaction.
 */
@Service
class CaseFile {

	private final ComplaintRegistry registry;

	private final CaseAccess access;

	private final CaseNotes notes;

	private final CaseAttachments attachments;

	private final AttachmentTypes types;

	private final CaseFileProperties properties;

	private final Clock clock;

	CaseFile(ComplaintRegistry registry, CaseAccess access, CaseNotes notes, CaseAttachments attachments,
			AttachmentTypes types, CaseFileProperties properties, Clock clock) {
		this.registry = registry;
		this.access = access;
		this.notes = notes;
		this.attachments = attachments;
		this.types = types;
		this.properties = properties;
		this.clock = clock;
	}

	/** The case, if the reader may read it; else 404 as if it did not exist. */
	ComplaintRecord readable(String caseNumber, Reader reader) {
		return this.registry.find(caseNumber)
			.filter((c) -> this.access.mayRead(reader, c))
			.orElseThrow(() -> ApiRefusal.notFound("api.complaint.notFound", caseNumber));
	}

	@Transactional
	Note addNote(String caseNumber, String text, Reader reader) {
		ComplaintRecord c = readable(caseNumber, reader);
		return this.notes.add(c.caseNumber(), text.strip(), reader.userId(), this.clock.instant());
	}

	List<Attachment> attachments(String caseNumber, Reader reader) {
		return this.attachments.of(readable(caseNumber, reader).caseNumber());
	}

	Attachment attachment(String caseNumber, long id, Reader reader) {
		return this.attachments.find(readable(caseNumber, reader).caseNumber(), id)
			.orElseThrow(() -> ApiRefusal.notFound("api.attachment.notFound", id, caseNumber));
	}

	void copyContent(Attachment attachment, OutputStream out) throws IOException {
		this.attachments.copyContent(attachment.id(), out);
	}

	/**
	 * What may still be uploaded to a case: the limit per file, the limit of the case, what its
	 * attachments take already and what is left, in bytes. The case tab checks a file against these
	 * before sending it, so that a file far over the limit is refused at once, in Chinese, instead of
	 * being sent and cut off by the container.
	 */
	UploadRoom uploadRoom(String caseNumber, Reader reader) {
		ComplaintRecord c = readable(caseNumber, reader);
		long maxCase = this.properties.maxCaseSize().toBytes();
		long stored = this.attachments.totalSize(c.caseNumber());
		return new UploadRoom(this.properties.maxFileSize().toBytes(), maxCase, stored, Math.max(0, maxCase - stored));
	}

	/** The upload limits of one case, in bytes. */
	record UploadRoom(long maxFileSize, long maxCaseSize, long storedSize, long remainingSize) {
	}

	/**
	 * Stores an upload: not empty (400), not over the file or case limit (413), a type the desk accepts
	 * by its content (415); then its SHA-256 and its bytes, streamed from the multipart part.
	 */
	@Transactional
	Attachment upload(String caseNumber, MultipartFile file, String description, AttachmentKind kind, Reader reader) {
		ComplaintRecord c = readable(caseNumber, reader);
		if (file == null || file.isEmpty()) {
			throw new ApiRefusal(HttpStatus.BAD_REQUEST, Text.of("api.attachment.empty"));
		}
		long maxFile = this.properties.maxFileSize().toBytes();
		if (file.getSize() > maxFile) {
			throw new ApiRefusal(HttpStatus.PAYLOAD_TOO_LARGE,
					Text.of("api.attachment.fileTooLarge", mebibytes(file.getSize()), mebibytes(maxFile)));
		}
		long maxCase = this.properties.maxCaseSize().toBytes();
		long stored = this.attachments.totalSize(c.caseNumber());
		if (stored + file.getSize() > maxCase) {
			throw new ApiRefusal(HttpStatus.PAYLOAD_TOO_LARGE,
					Text.of("api.attachment.caseTooLarge", mebibytes(maxCase), mebibytes(stored)));
		}
		String fileName = FileNames.sanitise(file.getOriginalFilename());
		try {
			Optional<String> type;
			try (InputStream content = file.getInputStream()) {
				type = this.types.allowedType(content, fileName);
			}
			if (type.isEmpty()) {
				throw new ApiRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Text.of("api.attachment.type", fileName));
			}
			String sha256 = sha256(file);
			Instant now = this.clock.instant();
			Attachment attachment = new Attachment(0, c.caseNumber(), fileName, type.get(), file.getSize(), sha256,
					(description == null || description.isBlank()) ? null : description.strip(),
					(kind != null) ? kind : AttachmentKind.EVIDENCE, reader.userId(), now);
			long id = this.attachments.add(attachment);
			long written;
			try (InputStream content = file.getInputStream()) {
				written = this.attachments.writeContent(id, content);
			}
			if (written != file.getSize()) {
				throw new IllegalStateException("Upload of " + written + " bytes announced " + file.getSize());
			}
			return this.attachments.find(c.caseNumber(), id).orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(MultipartFile file) throws IOException {
		try (InputStream content = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
			content.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) content).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String mebibytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

}
