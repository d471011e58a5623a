using EdgeIngest.Reads;

namespace EdgeIngest.Tests.Reads;

public sealed class BandFramingTests
{
    [Fact]
    public void Looser_Framing_Holds_The_Band_With_A_Margin_Of_Its_Own_Size()
    {
        var band = new PlateBox(100, 200, 200, 50);

        var looser = BandFraming.Looser(band, 1280, 720);

        Assert.Equal(new PlateBox(90, 190, 220, 70), looser);
    }

    [Fact]
    public void Tighter_Framing_Takes_Off_Top_And_Bottom_And_Keeps_The_Width()
    {
        var band = new PlateBox(100, 200, 200, 50);

        var tighter = BandFraming.Tighter(band, 1280, 720);

        Assert.Equal(new PlateBox(100, 204, 200, 42), tighter);
    }

    [Theory]
    [InlineData(0, 0, 60, 20, 320, 240)] // top-left corner
    [InlineData(270, 225, 50, 15, 320, 240)] // bottom-right corner
    public void Looser_Framing_Of_A_Band_At_The_Frame_Edge_Stays_Inside_The_Frame(int x, int y, int width, int height, int frameWidth, int frameHeight)
    {
        var band = new PlateBox(x, y, width, height);

        var looser = BandFraming.Looser(band, frameWidth, frameHeight);

        Assert.True(looser.X >= 0 && looser.Y >= 0 && looser.Right <= frameWidth && looser.Bottom <= frameHeight, $"{looser} leaves the {frameWidth}x{frameHeight} frame");
        Assert.True(looser.X <= band.X && looser.Y <= band.Y && looser.Right >= band.Right && looser.Bottom >= band.Bottom, $"{looser} does not hold {band}");
    }

    [Fact]
    public void Tighter_Framing_Of_A_Band_One_Pixel_High_Keeps_A_Pixel()
    {
        var tighter = BandFraming.Tighter(new PlateBox(10, 10, 40, 1), 100, 100);

        Assert.True(tighter.Width > 0 && tighter.Height > 0, $"{tighter} is empty");
    }
}
