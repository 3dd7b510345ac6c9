package io.complaintdesk.complaint.casefile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * The case tab's preview of a PDF: its first page as a PNG, at most {@value #WIDTH} pixels wide.
 * Tasklist's Content-Security-Policy sandboxes the page, and browsers do not run their PDF viewer in
 * a sandbox, so the tab shows an image. The PDF is copied from the database to a temporary file
 * first (chunk by chunk, as every download) and read from there, never whole into memory.
 */
@Component
class PdfPreview {

	static final int WIDTH = 600;

	private final CaseAttachments attachments;

	PdfPreview(CaseAttachments attachments) {
		this.attachments = attachments;
	}

	void firstPageAsPng(long attachmentId, OutputStream out) throws IOException {
		Path file = Files.createTempFile("case-attachment-", ".pdf");
		try {
			try (OutputStream copy = Files.newOutputStream(file)) {
				this.attachments.copyContent(attachmentId, copy);
			}
			try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
				float pageWidth = pdf.getPage(0).getMediaBox().getWidth();
				float scale = Math.min(2f, WIDTH / Math.max(pageWidth, 1f));
				BufferedImage page = new PDFRenderer(pdf).renderImage(0, scale, ImageType.RGB);
				ImageIO.write(page, "png", out);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
