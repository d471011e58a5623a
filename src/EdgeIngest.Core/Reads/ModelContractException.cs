namespace EdgeIngest.Reads;

/// <summary>A model file is not what its stage expects (wrong inputs, outputs, or alphabet size).</summary>
public sealed class ModelContractException : Exception
{
    public ModelContractException()
    {
    }

    public ModelContractException(string message)
        : base(message)
    {
    }

    public ModelContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
