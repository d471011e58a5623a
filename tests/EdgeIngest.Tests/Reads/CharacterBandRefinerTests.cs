using EdgeIngest.Interop.Onnx;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class CharacterBandRefinerTests
{
    [Fact]
    public void Whole_Plate_Box_Narrows_To_The_Character_Band_Without_State_Name_Or_Slogan()
    {
        const int plateX = 500;
        const int plateY = 400;
        var image = RenderedPlate.Render("4KT821", 1280, 720, plateX, plateY, header: "OREGON", footer: "PACIFIC WONDERLAND");
        var options = new PlateRecognizerOptions();
        using var refiner = new CharacterBandRefiner(
            InferenceSessions.Open(options.DetectorModelPath, new InferenceSessionOptions { IntraOpThreads = 1 }), options);

        var found = refiner.Refine(image, new PlateBox(plateX, plateY, RenderedPlate.PlateWidth, RenderedPlate.PlateHeight));

        var band = Assert.NotNull(found);

        // Header rows ~8..24, characters ~35..75, slogan ~90..104 (plate coordinates).
        Assert.InRange(band.Y - plateY, 18, 40);
        Assert.InRange(band.Bottom - plateY, 65, 90);
        Assert.InRange(band.X - plateX, 5, 40);
        Assert.InRange(band.Right - plateX, 200, RenderedPlate.PlateWidth);
    }

    [Theory]
    [InlineData(600, 400, 100, 40, 1280, 720)] // wide candidate: grown in height to the window's aspect
    [InlineData(600, 400, 40, 40, 1280, 720)] // square candidate: grown in width
    [InlineData(0, 0, 100, 40, 1280, 720)] // at the corner: shifted inside the frame
    [InlineData(10, 10, 600, 300, 640, 360)] // larger than the frame allows: clipped to it
    public void Window_Has_The_Detector_Aspect_Contains_The_Candidate_And_Stays_In_The_Frame(
        int x, int y, int width, int height, int frameWidth, int frameHeight)
    {
        var candidate = new PlateBox(x, y, width, height);

        var window = CharacterBandRefiner.Window(candidate, frameWidth, frameHeight, 0.15f, 0.5f);

        Assert.True(window.X >= 0 && window.Y >= 0 && window.Right <= frameWidth && window.Bottom <= frameHeight, $"{window} leaves the frame");
        if (window.Width < frameWidth && window.Height < frameHeight)
        {
            Assert.InRange((float)window.Width / window.Height, 2.4f, 2.6f);
            Assert.True(window.X <= x && window.Y <= y && window.Right >= candidate.Right && window.Bottom >= candidate.Bottom, $"{window} does not contain {candidate}");
        }
    }
}
