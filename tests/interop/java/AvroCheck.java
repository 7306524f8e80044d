/* AvroCheck - sitrep's Avro output read by the Java Avro library
 * (org.apache.avro), which shares no code with sitrep. Prints every record
 * as one JSON line (GenericData's rendering: plain unions, dates as days),
 * for tests/interop/avro_check.py to compare with sitrep's JSON.
 *
 *   AvroCheck frames SCHEMA FILE         single-object frames, concatenated:
 *                                        BinaryMessageDecoder (checks C3 01
 *                                        and the fingerprint itself)
 *   AvroCheck frames-v2 SCHEMA V2 FILE   the same frames read with the v2
 *                                        schema as reader (addSchema(v1))
 *   AvroCheck ocf FILE                   an object container file:
 *                                        DataFileReader
 */
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;

public class AvroCheck {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
        case "frames": {
            Schema s = new Schema.Parser().parse(new File(args[1]));
            frames(new BinaryMessageDecoder<GenericRecord>(GenericData.get(), s), args[2]);
            break;
        }
        case "frames-v2": {
            Schema v1 = new Schema.Parser().parse(new File(args[1]));
            Schema v2 = new Schema.Parser().parse(new File(args[2]));
            BinaryMessageDecoder<GenericRecord> d =
                new BinaryMessageDecoder<>(GenericData.get(), v2);
            d.addSchema(v1);
            frames(d, args[3]);
            break;
        }
        case "ocf":
            try (DataFileReader<GenericRecord> r = new DataFileReader<>(
                     new File(args[1]), new GenericDatumReader<GenericRecord>())) {
                for (GenericRecord rec : r) {
                    System.out.println(rec);
                }
            }
            break;
        default:
            throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /* Frames have no length prefix: the decoder reads one record from the
     * stream and leaves it at the next frame. */
    static void frames(BinaryMessageDecoder<GenericRecord> d, String path) throws Exception {
        byte[] data = Files.readAllBytes(new File(path).toPath());
        InputStream in = new ByteArrayInputStream(data);
        while (in.available() > 0) {
            System.out.println(d.decode(in));
        }
    }
}
