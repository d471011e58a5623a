namespace EdgeIngest.Evaluation;

/// <summary>An image and every plate annotated in it.</summary>
public sealed record AnnotatedImage(string ImagePath, IReadOnlyList<PlateAnnotation> Plates);
