package io.kafkafailover.gateway.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code java -jar gateway.jar hash-password [--iterations N] <username>}: turns a password into an
 * entry for {@value SaslUsers#KEY}. The password is read from the terminal without echo (asked
 * twice) or, when input is piped, from the first line of standard input; never from the command
 * line, where it would end up in shell history and process listings.
 */
public final class PasswordHashCommand {
    public static final String NAME = "hash-password";
    private static final String USAGE = "usage: " + NAME + " [--iterations N] <username>   (password from the terminal or stdin)";

    private PasswordHashCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args, Console console, InputStream in, PrintStream out, PrintStream err) {
        int iterations = SaslUsers.DEFAULT_ITERATIONS;
        String username = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--iterations") && i + 1 < args.length) {
                try {
                    iterations = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    err.println(USAGE);
                    return 2;
                }
            } else if (username == null && !args[i].startsWith("--")) {
                username = args[i];
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (username == null || username.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        char[] password;
        try {
            password = console != null ? fromTerminal(console) : fromInput(in);
        } catch (IOException e) {
            err.println(NAME + ": cannot read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.length == 0) {
            err.println(NAME + ": no password given (or the two entries differ)");
            return 1;
        }
        try {
            out.println(SaslUsers.entry(username, new String(password), iterations));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] fromTerminal(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password again: ");
        try {
            return first != null && Arrays.equals(first, second) ? first.clone() : null;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static char[] fromInput(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
