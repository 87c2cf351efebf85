/**
 * Passwords that appear at the top of every published leak ranking. A password
 * on this list is refused whatever its length.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111", "1234567", "dragon",
  "123123", "baseball", "abc123", "football", "monkey", "letmein", "696969", "shadow", "master", "666666",
  "qwertyuiop", "123321", "mustang", "1234567890", "michael", "654321", "superman", "1qaz2wsx", "7777777", "121212",
  "000000", "qazwsx", "123qwe", "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter",
  "buster", "soccer", "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "2000", "charlie",
  "robert", "thomas", "hockey", "ranger", "daniel", "starwars", "klaster", "112233", "george", "computer",
  "michelle", "jessica", "pepper", "1111", "zxcvbn", "555555", "11111111", "131313", "freedom", "777777",
  "pass", "maggie", "159753", "aaaaaa", "ginger", "princess", "joshua", "cheese", "amanda", "summer",
  "love", "ashley", "nicole", "chelsea", "biteme", "matthew", "access", "yankees", "987654321", "dallas",
  "austin", "thunder", "taylor", "matrix", "mobilemail", "mom", "monitor", "monitoring", "montana", "moon",
  "moscow", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "welcome", "welcome1", "admin", "admin123",
  "administrator", "root", "toor", "changeme", "secret", "letmein1", "qwerty123", "qwerty1", "1q2w3e4r", "1q2w3e4r5t",
  "1q2w3e", "zaq12wsx", "q1w2e3r4", "q1w2e3r4t5", "asdfghjkl", "asdf1234", "iloveyou1", "princess1", "football1", "baseball1",
  "superman1", "sunshine1", "whatever", "starwars1", "trustno1!", "default", "guest", "test", "test123", "testing",
  "hello123", "hello", "login", "master123", "qwe123", "abcd1234", "abcdef", "abcdefg", "abcdefgh", "aa123456",
  "123456a", "a123456", "123abc", "11223344", "12341234", "123123123", "1234qwer", "87654321", "88888888", "99999999",
  "00000000", "12345678910", "123456789a", "password!", "password1!", "letmein!", "conference", "kafka123", "apachekafka", "summit2019",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
