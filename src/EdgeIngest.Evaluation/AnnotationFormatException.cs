namespace EdgeIngest.Evaluation;

/// <summary>An annotation file or line is not in the OpenALPR format; the message names file and line.</summary>
public sealed class AnnotationFormatException : Exception
{
    public AnnotationFormatException()
    {
    }

    public AnnotationFormatException(string message)
        : base(message)
    {
    }

    public AnnotationFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
