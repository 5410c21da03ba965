namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Direct Line logging. Event ids 2000-2099. Ids and codes only, never message content.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Direct Line stream closed ({Reason})")]
    public static partial void StreamClosed(ILogger logger, string reason);

    [LoggerMessage(2001, LogLevel.Information, "Direct Line upload of {FileCount} files, {TotalBytes} bytes")]
    public static partial void Uploaded(ILogger logger, int fileCount, long totalBytes);
}
