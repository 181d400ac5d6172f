package org.hn.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's logging ({@code DESIGN.md §7}, {@code spec/ops.md §3} careful variant), set up from its settings in
 * place of the command line's quiet default: human text or JSON lines on the standard error, the same lines in
 * {@code LOG_DIR/hn.log} when a log directory is set (rolled at {@link #FILE_CAP}, {@link #OLD_FILES} old files
 * kept, so an SD card never fills up), the root logger at the given level and each {@link LogCategory} named in
 * {@code LOG} at DEBUG.
 */
public final class LogSetup {

    /** The log file's name inside {@code LOG_DIR}. */
    public static final String FILE_NAME = "hn.log";
    /** Size at which the log file is rolled. */
    public static final FileSize FILE_CAP = FileSize.valueOf("10MB");
    /** Rolled files kept: {@code hn.1.log} (newest) to {@code hn.5.log}. */
    public static final int OLD_FILES = 5;

    private static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    private LogSetup() {
    }

    /**
     * Replaces the logging configuration of this process.
     *
     * @param settings  {@code LOG_FORMAT}, {@code LOG_DIR} (relative to {@code dataDir}) and {@code LOG} are read
     * @param rootLevel level of every logger that is not a chosen category
     * @throws SettingsException naming an unknown {@code LOG} category; the configuration is left unchanged then
     */
    public static void apply(Settings settings, Path dataDir, Level rootLevel) throws SettingsException {
        List<LogCategory> categories = new ArrayList<>();
        for (String item : settings.list(Setting.LOG)) {
            categories.add(LogCategory.of(item).orElseThrow(() -> new SettingsException("LOG: unknown category '"
                    + item + "'; known categories: " + String.join(", ", categoryNames()))));
        }
        boolean json = "json".equals(settings.text(Setting.LOG_FORMAT).toLowerCase(Locale.ROOT));
        String dir = settings.text(Setting.LOG_DIR).trim();

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, json));
        console.start();
        root.addAppender(console);

        if (!dir.isEmpty()) {
            root.addAppender(rollingFile(context, dataDir.resolve(dir), json));
        }
        for (LogCategory category : categories) {
            context.getLogger(category.loggerName()).setLevel(Level.DEBUG);
        }
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path dir, boolean json) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(dir.resolve(FILE_NAME).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("hn.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLD_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FILE_CAP);
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, json));
        file.start();
        return file;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.setWithMessage(false);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static List<String> categoryNames() {
        return java.util.Arrays.stream(LogCategory.values()).map(LogCategory::loggerName).toList();
    }
}
