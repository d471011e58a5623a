using EdgeIngest.Frames;
using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class PlateRecognitionTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Theory]
    [InlineData("ABC1234", 640, 360, 170, 120)]
    [InlineData("7XK492", 1280, 720, 820, 480)]
    public void Rendered_Plate_Is_Read_As_Drawn(string plate, int width, int height, int plateX, int plateY)
    {
        var image = RenderedPlate.Render(plate, width, height, plateX, plateY);

        var reads = fixture.Recognizer.Recognize(image);

        Assert.NotEmpty(reads);
        Assert.Equal(plate, reads[0].Text);
        Assert.InRange(reads[0].Confidence, 0.5f, 1f);
        var box = reads[0].Box;
        Assert.True(box.X < plateX + 300 && box.Right > plateX && box.Y < plateY + 110 && box.Bottom > plateY, $"box {box} is not on the plate");
    }

    [Theory]
    [InlineData(PlateReader.Plate)]
    [InlineData(PlateReader.Text)]
    public void Plate_With_State_Name_And_Slogan_Reads_Its_Characters_Alone(PlateReader reader)
    {
        const int plateX = 500;
        const int plateY = 400;
        var image = RenderedPlate.Render("4KT821", 1280, 720, plateX, plateY, header: "OREGON", footer: "PACIFIC WONDERLAND");
        var recognizer = reader == PlateReader.Plate ? fixture.Recognizer : fixture.TextReaderRecognizer;

        var reads = recognizer.Recognize(image);

        Assert.NotEmpty(reads);
        Assert.Equal("4KT821", reads[0].Text);

        var box = reads[0].Box;
        Assert.True(box.X < plateX + 300 && box.Right > plateX && box.Y < plateY + 110 && box.Bottom > plateY, $"box {box} is not on the plate");
    }

    [Fact]
    public void Uncertain_Read_Is_Read_Again_In_Two_Framings_And_A_Sure_One_Is_Not()
    {
        var image = RenderedPlate.Render("7XK492", 1280, 720, 820, 480);
        using var always = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { ReframeBelowConfidence = 1.01f });
        using var never = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { ReframeBelowConfidence = 0f });

        var sure = fixture.Recognizer.Recognize(image);
        var byDefault = fixture.Recognizer.LastRecognitions;
        var reframed = always.Recognize(image);
        var withReframing = always.LastRecognitions;
        never.Recognize(image);
        var withoutReframing = never.LastRecognitions;

        Assert.Equal("7XK492", Assert.Single(reframed).Text);
        Assert.Equal(withoutReframing + 2, withReframing);
        Assert.True(sure[0].Confidence >= new PlateRecognizerOptions().ReframeBelowConfidence, $"the rendered plate reads at {sure[0].Confidence}, not a sure read");
        Assert.Equal(withoutReframing, byDefault);
    }

    [Theory]
    [InlineData(0xD4, 2.0)]
    [InlineData(0xB8, 3.0)]
    public void Dim_Blurred_Plate_Whose_Band_The_Refiner_Cannot_Find_Is_Read_Whole(int characterGrey, double blur)
    {
        // Pale, blurred characters at night: the plate detector is sure of the plate, the refiner
        // (text detection) finds no character band in it, and the plate is read whole. A band that
        // is only a fragment takes the same path (UsableBand, tested below; no rendered frame here
        // makes the refiner return one, the night plates of the validation set do).
        var image = RenderedPlate.RenderAtNight("7ABC123", 0.34, characterGrey, blur);
        using var bandOnly = PaddleOcrPlateRecognizer.Create(new PlateRecognizerOptions { ReadWithoutBandMinScore = 1.01f });

        var reads = fixture.Recognizer.Recognize(image);
        var readsWithoutWholeReads = bandOnly.Recognize(image);

        Assert.Equal("7ABC123", Assert.Single(reads).Text);
        Assert.Empty(readsWithoutWholeReads);
    }

    [Theory]
    [InlineData(857, 387, 31, 7, false)] // the refiner's bands in two dim night plates of the validation set
    [InlineData(681, 378, 7, 6, false)]
    [InlineData(749, 441, 77, 33, true)] // a character band
    public void A_Band_No_Plate_Line_Can_Have_Counts_As_No_Band(int x, int y, int width, int height, bool usable)
    {
        var band = new PlateBox(x, y, width, height);

        var kept = PaddleOcrPlateRecognizer.UsableBand(band, new PlateCandidateFilter(new PlateCandidateRules()), 1280);

        Assert.Equal(usable ? band : null, kept);
    }

    [Fact]
    public void Blank_Frame_Has_No_Reads()
    {
        var image = new BgrImage(new byte[320 * 240 * 3], 320, 240);

        Assert.Empty(fixture.Recognizer.Recognize(image));
    }

    [Fact]
    public void Frame_Without_A_Plate_Allocates_Nothing_Once_Warm()
    {
        var image = new BgrImage(new byte[640 * 360 * 3], 640, 360);

        // The first calls compile on this thread, and the JIT's allocations count here too.
        for (var i = 0; i < 3; i++)
        {
            fixture.Recognizer.Recognize(image);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reads = 0;
        for (var i = 0; i < 3; i++)
        {
            reads += fixture.Recognizer.Recognize(image).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, reads);
        Assert.True(allocated == 0, $"3 warm recognitions of a blank frame allocated {allocated} B; expected 0");
    }

    [Fact]
    public void Image_Smaller_Than_Its_Declared_Size_Is_Rejected()
    {
        var image = new BgrImage(new byte[100], 320, 240);

        Assert.Throws<ArgumentException>(() => fixture.Recognizer.Recognize(image));
    }
}
