package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which copies on a server belong to this run, and the clean-up of copies a crashed run left behind. Each run (a
 * JVM, a Maven fork, or one run of JUnit's test kit) takes a random owner tag, puts it into the name of every copy it
 * makes ({@code seedkit_<template>_<tag>_<n>}) and holds a session-level advisory lock on the tag until it ends.
 * A copy whose tag no session holds was left by a run that could not clean up (a JVM killed mid-suite, a machine
 * switched off): when a run first uses a server, it drops those. Copies of runs that are alive are never touched,
 * whichever JVM they run in, because their lock is held.
 */
final class RunOwnership implements StoredResource {

    /** First key of the owners' advisory locks ({@code pg_locks.classid}); the tag is the second. */
    static final int LOCK_CLASS = 0x5eed;
    private static final Pattern COPY_NAME = Pattern.compile("seedkit_[0-9a-f]{8}_([0-9a-f]{6})_[0-9a-f]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(RunOwnership.class);

    private final PostgresServer server;
    private final String tag;
    private final Connection session;

    private RunOwnership(PostgresServer server, String tag, Connection session) {
        this.server = server;
        this.tag = tag;
        this.session = session;
    }

    /** Takes a new tag on {@code server}, holds its lock, and drops the copies of runs that are gone. */
    static RunOwnership claim(PostgresServer server) {
        String tag = HexFormat.of().toHexDigits(RANDOM.nextInt(1 << 24)).substring(2);
        try {
            Connection session = DatabaseAdmin.maintenance(server);
            try (PreparedStatement lock = session.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, Integer.parseInt(tag, 16));
                lock.execute();
            }
            RunOwnership ownership = new RunOwnership(server, tag, session);
            ownership.dropLeftovers();
            return ownership;
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not register this test run on "
                    + server.description() + ": " + e.getMessage(), e);
        }
    }

    /** Six hex digits, in the name of every copy this run makes. */
    String tag() {
        return tag;
    }

    /** Copies on the server whose owner's lock no session holds. */
    List<String> leftovers() throws SQLException {
        Set<Integer> alive = new HashSet<>();
        try (PreparedStatement query = session.prepareStatement("SELECT objid::bigint FROM pg_locks WHERE locktype = "
                + "'advisory' AND classid = ? AND objsubid = 2 AND granted")) {
            query.setInt(1, LOCK_CLASS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alive.add((int) rows.getLong(1));
                }
            }
        }
        List<String> leftovers = new ArrayList<>();
        try (PreparedStatement query = session.prepareStatement(
                "SELECT datname FROM pg_database WHERE datname LIKE 'seedkit\\_%' ORDER BY datname");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Matcher copy = COPY_NAME.matcher(rows.getString(1));
                if (copy.matches() && !alive.contains(Integer.parseInt(copy.group(1), 16))) {
                    leftovers.add(copy.group());
                }
            }
        }
        return leftovers;
    }

    private void dropLeftovers() throws SQLException {
        List<String> leftovers = leftovers();
        for (String copy : leftovers) {
            DatabaseAdmin.drop(session, copy);
        }
        if (!leftovers.isEmpty()) {
            log.info("Dropped {} database(s) that an earlier test run on {} left behind when it ended without "
                    + "cleaning up: {}", leftovers.size(), server.description(), leftovers);
        }
    }

    /** Ends the run's ownership: its lock goes with its session. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException e) {
            log.warn("Could not close the session of test run {} on {}: {}", tag, server.description(),
                    e.getMessage());
        }
    }
}
