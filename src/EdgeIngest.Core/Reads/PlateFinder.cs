namespace EdgeIngest.Reads;

/// <summary>Which model finds plate candidates in a frame (<see cref="PlateRecognizerOptions.Finder"/>).</summary>
public enum PlateFinder
{
    /// <summary>PP-OCRv4 text detection over the whole frame at <see cref="PlateRecognizerOptions.DetectorLongSide"/>.</summary>
    Text,

    /// <summary>The project's plate detector (models/plate-detector.onnx) at a fixed 640×384.</summary>
    Plate,
}
