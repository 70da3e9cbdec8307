package io.kopij.media;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point of an image that cover crops keep in view, as fractions of its width and height. */
@Schema(name = "FocalPoint", description = "Fractions from 0 (left, top) to 1 (right, bottom); default the centre")
public record FocalPoint(
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.5") Double x,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.35") Double y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
