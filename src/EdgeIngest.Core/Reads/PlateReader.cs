namespace EdgeIngest.Reads;

/// <summary>Which recogniser reads a plate's character band (<see cref="PlateRecognizerOptions.Reader"/>).</summary>
public enum PlateReader
{
    /// <summary>PP-OCRv4 recognition as published: general text, 6,625 classes, decoded down to plate characters.</summary>
    Text,

    /// <summary>
    /// The project's plate recogniser (models/plate-recognizer.onnx): PP-OCRv4 recognition cut to the
    /// 36 plate characters and fine-tuned on synthetic plates and hand-checked real plates by
    /// training/plate-recognizer/.
    /// </summary>
    Plate,
}
