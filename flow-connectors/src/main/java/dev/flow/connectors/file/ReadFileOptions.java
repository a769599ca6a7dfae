package dev.flow.connectors.file;

import dev.flow.spi.Prop;
import java.time.Duration;

/**
 * Props of the {@code Read File} trigger.
 *
 * @param path a file or a directory
 * @param watch how often to look for new files; unset reads once and ends
 * @param glob file-name pattern of the files to read
 * @param maxLineBytes longest line read in full
 */
public record ReadFileOptions(
    @Prop(
            description =
                "A file, or a directory read with its subdirectories; a local path or a URI such"
                    + " as s3://bucket/in/.",
            required = true,
            example = "data/orders")
        String path,
    @Prop(
            description =
                "When set, keeps watching the path for new files at this interval and never ends"
                    + " (each file is read once; lines added to a file already read are not);"
                    + " when unset, reads what is there once and ends.",
            example = "10s",
            min = "1ms")
        Duration watch,
    @Prop(
            description =
                "Reads only the files whose name matches this glob, e.g. *.jsonl; hidden files"
                    + " (starting with . or _) are always skipped.",
            example = "*.jsonl")
        String glob,
    @Prop(
            description =
                "Longest line read in full; a longer line is cut there and reaches the error"
                    + " stage.",
            defaultValue = "8388608",
            min = "1")
        int maxLineBytes) {}
