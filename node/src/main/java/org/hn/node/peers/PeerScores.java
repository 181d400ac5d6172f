package org.hn.node.peers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hn.node.metrics.NodeMetrics;

/**
 * Reputation of peer IPs: each {@link Misbehaviour} takes its weight off the IP's score; at or below the
 * threshold the IP is banned for a while and refused at accept. Scores recover slowly with time, and a
 * ban ends with a clean score. Configured (static) peers are never banned: losing them would cost more
 * than tolerating their faults.
 *
 * <p>Thread-safe. Time comes from the injected clock.
 */
public final class PeerScores {

    /** Above this many tracked IPs, those with a full score and no ban are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final ScoringSettings settings;
    private final Set<String> staticIps;
    private final Clock clock;
    private final NodeMetrics metrics;
    private final Map<String, Record> records = new HashMap<>();

    /**
     * @param settings  weights aside, how scores fall, recover and lead to bans
     * @param staticIps IPs of configured peers, never banned
     * @param clock     time source for bans and recovery
     */
    public PeerScores(ScoringSettings settings, Set<String> staticIps, Clock clock) {
        this(settings, staticIps, clock, new NodeMetrics());
    }

    /** As above, counting each misbehaviour and ban into {@code metrics}. */
    public PeerScores(ScoringSettings settings, Set<String> staticIps, Clock clock, NodeMetrics metrics) {
        this.settings = settings;
        this.staticIps = Set.copyOf(staticIps);
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Takes the misbehaviour's weight off the IP's score and bans the IP if the score reaches the
     * threshold (unless it is a static peer).
     *
     * @return true if this record banned the IP
     */
    public synchronized boolean record(String ip, Misbehaviour misbehaviour) {
        Instant now = clock.instant();
        Record current = records.getOrDefault(ip, new Record(settings.fullScore(), now, null)).at(now);
        int score = current.score - misbehaviour.weight();
        if (score <= settings.banThreshold() && !staticIps.contains(ip)) {
            records.put(ip, new Record(settings.fullScore(), now, now.plus(settings.banDuration())));
            metrics.misbehaviour(misbehaviour, true);
            return true;
        }
        metrics.misbehaviour(misbehaviour, false);
        records.put(ip, new Record(Math.max(score, settings.banThreshold()), now, current.bannedUntil));
        if (records.size() > PRUNE_ABOVE) {
            records.values().removeIf(record -> record.at(now).isClean());
        }
        return false;
    }

    /** Whether connections from this IP are to be refused now. */
    public synchronized boolean isBanned(String ip) {
        return bannedUntil(ip).isPresent();
    }

    /** End of the IP's ban, if it is banned now. */
    public synchronized Optional<Instant> bannedUntil(String ip) {
        Record record = records.get(ip);
        Instant now = clock.instant();
        return record == null ? Optional.empty() : Optional.ofNullable(record.at(now).bannedUntil);
    }

    /** The IP's current score, {@link ScoringSettings#fullScore()} for an unknown IP. */
    public synchronized int score(String ip) {
        Record record = records.get(ip);
        return record == null ? settings.fullScore() : record.at(clock.instant()).score;
    }

    /** A score as of {@code since}, with the ban end if any. */
    private final class Record {
        final int score;
        final Instant since;
        final Instant bannedUntil;

        Record(int score, Instant since, Instant bannedUntil) {
            this.score = score;
            this.since = since;
            this.bannedUntil = bannedUntil;
        }

        /** The same record seen at {@code now}: recovered points added, an expired ban dropped. */
        Record at(Instant now) {
            long elapsedSeconds = Math.max(0, Duration.between(since, now).toSeconds());
            long recovered = elapsedSeconds * settings.recoveryPerHour() / 3600;
            int score = (int) Math.min(settings.fullScore(), this.score + recovered);
            Instant ban = bannedUntil != null && now.isBefore(bannedUntil) ? bannedUntil : null;
            return recovered == 0 && ban == bannedUntil ? this : new Record(score, recovered == 0 ? since : now, ban);
        }

        boolean isClean() {
            return score == settings.fullScore() && bannedUntil == null;
        }
    }
}
