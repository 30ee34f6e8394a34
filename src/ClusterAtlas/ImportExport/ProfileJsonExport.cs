using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Profiles as a JSON array of whole profiles in the API's shape (<see cref="Api.ProfileJson"/>, each with its
/// licence), one profile a line, written and flushed batch by batch. The JSON import reads it back.
/// </summary>
public static class ProfileJsonExport
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<IReadOnlyList<JsonObject>> batches, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var first = true;
        await output.WriteAsync("["u8.ToArray(), cancellationToken);
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            buffer.ResetWrittenCount();
            foreach (var profile in batch)
            {
                buffer.Write(first ? "\n"u8 : ",\n"u8);
                first = false;
                using var json = new Utf8JsonWriter(buffer, WriterOptions);
                profile.WriteTo(json);
            }
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        await output.WriteAsync("\n]\n"u8.ToArray(), cancellationToken);
    }
}
