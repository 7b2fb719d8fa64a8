package dev.seedkit.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads which machine an executable was built for from its header (ELF, Mach-O, PE), so that tests can tell that
 * the archive chosen for a platform really holds that platform's programs without being able to run them.
 */
final class ExecutableHeaders {

    private ExecutableHeaders() {
    }

    /** ELF {@code e_machine}, e.g. "x86-64" or "aarch64"; fails if the file is no ELF file. */
    static String elfMachine(Path file) throws IOException {
        ByteBuffer header = read(file, 64).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != 0x464C457F) {
            throw new AssertionError(file + " is not an ELF file");
        }
        int machine = header.getShort(18) & 0xFFFF;
        return switch (machine) {
            case 0x3E -> "x86-64";
            case 0xB7 -> "aarch64";
            default -> "e_machine 0x" + Integer.toHexString(machine);
        };
    }

    /** The program interpreter (dynamic loader) an ELF executable names, e.g. {@code /lib/ld-musl-x86_64.so.1}. */
    static String elfInterpreter(Path file) throws IOException {
        String text = new String(read(file, 4096).array(), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("/lib");
        if (start < 0) {
            throw new AssertionError(file + " names no program interpreter in its first 4 KiB");
        }
        return text.substring(start, text.indexOf('\0', start));
    }

    /** CPU types in a Mach-O file: both slices of a universal binary, or the one of a thin file. */
    static List<String> machOArchitectures(Path file) throws IOException {
        ByteBuffer header = read(file, 4096);
        List<String> architectures = new ArrayList<>();
        if (header.order(ByteOrder.BIG_ENDIAN).getInt(0) == 0xCAFEBABE) { // fat header, big-endian
            int count = header.getInt(4);
            for (int i = 0; i < count; i++) {
                architectures.add(cpuType(header.getInt(8 + 20 * i)));
            }
        } else if (header.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == 0xFEEDFACF) { // thin 64-bit
            architectures.add(cpuType(header.getInt(4)));
        } else {
            throw new AssertionError(file + " is not a Mach-O file");
        }
        return architectures;
    }

    /** PE machine type of a Windows executable or DLL, e.g. "x86-64". */
    static String peMachine(Path file) throws IOException {
        ByteBuffer header = read(file, 4096).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getShort(0) != 0x5A4D) { // "MZ"
            throw new AssertionError(file + " is not a Windows executable");
        }
        int pe = header.getInt(0x3C);
        if (header.getInt(pe) != 0x00004550) { // "PE\0\0"
            throw new AssertionError(file + " has no PE header");
        }
        int machine = header.getShort(pe + 4) & 0xFFFF;
        return machine == 0x8664 ? "x86-64" : machine == 0xAA64 ? "arm64" : "machine 0x" + Integer.toHexString(machine);
    }

    private static String cpuType(int type) {
        return switch (type) {
            case 0x01000007 -> "x86-64";
            case 0x0100000C -> "arm64";
            default -> "cputype 0x" + Integer.toHexString(type);
        };
    }

    private static ByteBuffer read(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ByteBuffer.wrap(in.readNBytes(bytes));
        }
    }
}
