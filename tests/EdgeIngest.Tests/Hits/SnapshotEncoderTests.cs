using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;

using EdgeIngest.Hits;
using EdgeIngest.Tests.Reads;

namespace EdgeIngest.Tests.Hits;

public sealed class SnapshotEncoderTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void Plate_Crop_Snapshot_Decodes_To_The_Box_Size_And_Still_Reads()
    {
        var image = RenderedPlate.Render("HT5520", 640, 360, 170, 120);
        var box = Assert.Single(fixture.Recognizer.Recognize(image)).Box;
        using var codec = new TurboJpegCodec();
        var jpeg = new byte[SnapshotEncoder.MaxLength(codec, image.Width, image.Height)];

        // The margin hit snapshots use; with none, the plate would touch the crop's edge and be
        // rejected as cut off by the frame.
        var margin = box.Height / 2;
        var length = SnapshotEncoder.EncodeCrop(codec, image, box, margin, quality: 90, jpeg);
        var (width, height) = (box.Width + (2 * margin), box.Height + (2 * margin));
        var pixels = new byte[width * height * 3];
        var info = codec.Decode(jpeg.AsSpan(0, length), pixels);

        Assert.Equal(new JpegInfo(width, height), info);
        var reads = fixture.TextFinderRecognizer.Recognize(new global::EdgeIngest.Frames.BgrImage(pixels, info.Width, info.Height));
        Assert.Equal("HT5520", Assert.Single(reads).Text);
    }
}
