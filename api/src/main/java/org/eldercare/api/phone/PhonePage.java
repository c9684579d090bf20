package org.eldercare.api.phone;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /m/}: the phone finder page (docs/CONTRACT.md §10.1), a static page that holds no token. */
@Controller
class PhonePage {

    @GetMapping({"/m", "/m/"})
    String page() {
        return "forward:/m/index.html";
    }
}
