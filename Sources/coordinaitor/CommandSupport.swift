import ArgumentParser
import Configuration
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Logging

/// Reads the environment once, or stops with the one line that names the bad variable.
func loadConfiguration() throws -> AppConfiguration {
    do {
        return try AppConfiguration(reader: ConfigReader(provider: EnvironmentVariablesProvider()))
    } catch {
        throw FatalStartup(message: error.description)
    }
}

/// The process logger (`LOG_LEVEL`, `DEBUG`, `LOG_DIR`; see ``ProcessLogging``). Lines go to standard error unless
/// `console` says otherwise, so that what a command prints on standard output (`org list`) stays clean for pipes.
func makeLogger(_ configuration: AppConfiguration, console: LogConsole = .standardError) -> Logger {
    ProcessLogging.bootstrap(configuration, console: console)
}

/// Prints one line to standard error and exits with status 1, instead of a stack of nested error descriptions.
struct FatalStartup: Error, CustomStringConvertible {
    var message: String
    var description: String { self.message }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning configuration, start-up and input errors into one clear line and exit status 1.
    func reportingStartupErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as FatalStartup {
            Self.fail(error.message)
        } catch let error as StartupError {
            Self.fail(error.description)
        } catch let error as ResourceError {
            Self.fail(error.message)
        } catch let error as CoordinaitorDomain.ValidationError {
            Self.fail(error.issues.map { "\($0.field): \($0.message)" }.joined(separator: " "))
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("coordinaitor: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
