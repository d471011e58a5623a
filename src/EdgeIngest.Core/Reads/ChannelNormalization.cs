namespace EdgeIngest.Reads;

/// <summary>
/// Per-channel <c>value = pixel * scale + bias</c>, in the frame's B, G, R order. PaddleOCR feeds
/// its models the BGR image as OpenCV decodes it and applies the ImageNet (R, G, B) statistics in
/// that channel order; the models were trained that way, so we do the same.
/// </summary>
internal readonly record struct ChannelNormalization(float ScaleB, float ScaleG, float ScaleR, float BiasB, float BiasG, float BiasR)
{
    /// <summary>Detection: (x / 255 − mean) / std with ImageNet mean and std.</summary>
    public static ChannelNormalization ImageNet { get; } = FromMeanStd(0.485f, 0.456f, 0.406f, 0.229f, 0.224f, 0.225f);

    /// <summary>Recognition: (x / 255 − 0.5) / 0.5, i.e. [−1, 1].</summary>
    public static ChannelNormalization Symmetric { get; } = FromMeanStd(0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f);

    private static ChannelNormalization FromMeanStd(float m0, float m1, float m2, float s0, float s1, float s2) =>
        new(1f / (255f * s0), 1f / (255f * s1), 1f / (255f * s2), -m0 / s0, -m1 / s1, -m2 / s2);
}
