using System.Text.Json;

namespace EdgeIngest.Commands;

/// <summary>
/// Finds the top-level <c>command_id</c> in a payload that is not valid JSON, reading only up to
/// the first error, so the agency still gets an answer when the id came before the damage.
/// </summary>
internal static class CommandIdScanner
{
    public static string? Find(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("command_id"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // The damage came before any command_id: there is no one to answer.
        }

        return null;
    }
}
