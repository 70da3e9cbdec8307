package io.kopij.media;

import io.kopij.shared.error.FieldError;
import io.kopij.shared.error.KopijException;
import java.util.List;

/** A media request that cannot be served as asked: each case with the status and code DESIGN.md gives it. */
public class AssetException extends KopijException {

    private AssetException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(status, code, title, detail, errors);
    }

    public static AssetException tooLarge(long limit) {
        return new AssetException(413, "asset.too-large", "Content too large",
                "The file is larger than the upload limit of " + limit + " bytes", List.of());
    }

    public static AssetException unsupported(String what) {
        return new AssetException(415, "asset.unsupported-format", "Unsupported media type",
                what + "; upload a JPEG, PNG, WebP or GIF image", List.of());
    }

    public static AssetException corrupt(String detail) {
        return new AssetException(422, "asset.corrupt", "Unprocessable content",
                "The image cannot be read: " + detail, List.of());
    }

    public static AssetException tooManyPixels(int width, int height, long limit) {
        return new AssetException(422, "asset.too-many-pixels", "Unprocessable content",
                "The image is " + width + " × " + height + " pixels; at most " + limit + " pixels are accepted",
                List.of());
    }

    public static AssetException fileRequired() {
        return new AssetException(400, "asset.file-required", "Invalid input",
                "Send the image as the multipart part named 'file'", List.of(new FieldError("file", "is required")));
    }

    public static AssetException invalidRendition(List<FieldError> errors) {
        return new AssetException(400, "asset.invalid-rendition", "Invalid input",
                "The rendition parameters are not among the allowed values", errors);
    }

    public static AssetException inUse(long uses) {
        return new AssetException(409, "asset.in-use", "Conflict",
                "The asset is used " + uses + " time(s); remove it from those articles first", List.of());
    }

    public static AssetException busy() {
        return new AssetException(503, "asset.render-busy", "Service unavailable",
                "Too many renditions are being made right now; retry shortly", List.of());
    }
}
