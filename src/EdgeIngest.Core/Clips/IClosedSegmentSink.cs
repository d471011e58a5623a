namespace EdgeIngest.Clips;

/// <summary>
/// Where a recorder hands each segment it closes before the segment enters its RAM ring (the
/// continuous recording on disk copies it there). Called on the recorder's own loop, one segment
/// at a time per camera; it must not throw, and should return within a small part of a segment length.
/// </summary>
public interface IClosedSegmentSink
{
    void Keep(string cameraId, Segment segment);
}
