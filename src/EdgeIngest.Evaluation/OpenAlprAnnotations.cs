using System.Globalization;
using EdgeIngest.Reads;

namespace EdgeIngest.Evaluation;

/// <summary>
/// Reads a folder annotated in the OpenALPR benchmark format: one <c>.txt</c> per image, each
/// non-empty line <c>file TAB x TAB y TAB w TAB h TAB PLATE</c>, the file named relative to the folder.
/// </summary>
public static class OpenAlprAnnotations
{
    private const int FieldCount = 6;

    public static IReadOnlyList<AnnotatedImage> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"evaluation folder not found: {directory}");
        }

        var files = Directory.GetFiles(directory, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        var byImage = new Dictionary<string, List<PlateAnnotation>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                var annotation = ParseLine(lines[i], directory, file, i + 1);
                if (!byImage.TryGetValue(annotation.ImagePath, out var plates))
                {
                    plates = [];
                    byImage.Add(annotation.ImagePath, plates);
                    order.Add(annotation.ImagePath);
                }

                plates.Add(annotation);
            }
        }

        if (order.Count == 0)
        {
            throw new AnnotationFormatException($"no annotations (*.txt) in {directory}");
        }

        var images = new List<AnnotatedImage>(order.Count);
        foreach (var path in order)
        {
            images.Add(new AnnotatedImage(path, byImage[path]));
        }

        return images;
    }

    public static PlateAnnotation ParseLine(string line, string directory, string file, int lineNumber)
    {
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length != FieldCount)
        {
            throw Malformed(file, lineNumber, $"has {fields.Length} tab-separated fields; expected {FieldCount}: file, x, y, w, h, plate");
        }

        var x = ParseInt(fields[1], "x", file, lineNumber);
        var y = ParseInt(fields[2], "y", file, lineNumber);
        var width = ParseInt(fields[3], "w", file, lineNumber);
        var height = ParseInt(fields[4], "h", file, lineNumber);
        if (width <= 0 || height <= 0)
        {
            throw Malformed(file, lineNumber, $"box {width}x{height} is empty");
        }

        var plate = fields[5].Trim().ToUpperInvariant();
        if (plate.Length == 0)
        {
            throw Malformed(file, lineNumber, "plate text is empty");
        }

        var image = Path.Combine(directory, fields[0].Trim());
        if (!File.Exists(image))
        {
            throw Malformed(file, lineNumber, $"image {image} does not exist");
        }

        return new PlateAnnotation(image, new PlateBox(x, y, width, height), plate);
    }

    private static int ParseInt(string field, string name, string file, int lineNumber) =>
        int.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(file, lineNumber, $"{name} '{field}' is not an integer");

    private static AnnotationFormatException Malformed(string file, int lineNumber, string problem) =>
        new($"{file}:{lineNumber}: {problem}");
}
