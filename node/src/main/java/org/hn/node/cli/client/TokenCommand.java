package org.hn.node.cli.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hn.chain.wallet.PosWallet;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.NodeSecretException;
import org.hn.node.auth.TokenScope;
import org.hn.node.auth.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn token create}: issues a client token signed with a node's own secret ({@code DESIGN.md §4},
 * {@code docs/protocol.md §2}), for {@code --token} of the queries or for remote tools.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        header = "Issue client tokens for a node.",
        description = {
            "Example:",
            "  hn token create --data ~/.hn --scope read --ttl 30d"
        })
public final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public TokenCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the time tokens are issued at */
    TokenCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Prints a description of the token, then the token alone on the last line. The node's {@code jwt.secret} is
     * created if the node never started (the node then uses it); the wallet must exist, since its address is the
     * token's issuer.
     */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            header = "Print a new token signed with the node's secret (DIR/jwt.secret); the last line is the token.",
            description = {
                "Scopes: read (every query) or admin (queries and tx). The node refuses the token once it expires,",
                "or once DIR/jwt.secret is deleted (which revokes every token of that node).",
                "",
                "Examples:",
                "  hn token create --data ~/.hn --scope read",
                "  hn token create --data ~/.hn --scope admin --ttl 12h --subject backup-script"
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the token was printed", "1:the wallet or secret cannot be used", "2:bad usage"})
    int create(
            @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
            Path data,
            @Option(names = "--scope", paramLabel = "SCOPE", required = true, converter = ScopeConverter.class,
                    description = "read or admin.")
            TokenScope scope,
            @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "30d", converter = TtlConverter.class,
                    description = "Lifetime: a number with s, m, h or d (default: ${DEFAULT-VALUE}).")
            Duration ttl,
            @Option(names = "--subject", paramLabel = "NAME", defaultValue = "operator",
                    description = "Who the token is for; the node logs it (default: ${DEFAULT-VALUE}).")
            String subject) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            NodeFiles files = NodeFiles.open(data, System.getenv());
            PosWallet wallet = files.wallet();
            NodeSecret secret = NodeSecret.loadOrCreate(data, new SecureRandom());
            String token = new Tokens(secret, wallet.address(), clock).issue(scope, ttl, subject);
            Instant expires = Instant.ofEpochSecond(clock.instant().getEpochSecond()).plusSeconds(ttl.getSeconds());
            out.println("token of node " + wallet.address() + ", scope " + scope.claim() + ", subject " + subject
                    + ", expires " + expires);
            out.println(token);
            return 0;
        } catch (QueryFailure | NodeSecretException | IllegalArgumentException e) {
            err.println("hn token create: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code read} or {@code admin}, as the token's claim reads. */
    static final class ScopeConverter implements CommandLine.ITypeConverter<TokenScope> {
        @Override
        public TokenScope convert(String value) {
            return TokenScope.fromClaim(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a scope; use read or admin"));
        }
    }

    /** A lifetime: a positive number followed by {@code s}, {@code m}, {@code h} or {@code d}, e.g. {@code 30d}. */
    static final class TtlConverter implements CommandLine.ITypeConverter<Duration> {

        private static final Pattern FORM = Pattern.compile("([1-9]\\d{0,8})([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher matcher = FORM.matcher(value);
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a lifetime; use a number and s, m, h or d, e.g. 30d or 12h");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
